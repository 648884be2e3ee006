// The department's public facts the pages need: its name, languages and default language.

let facts = null;

export async function department() {
  if (!facts) {
    facts = await fetch('/dashboard/department.json').then((r) => r.json());
  }
  return facts;
}
