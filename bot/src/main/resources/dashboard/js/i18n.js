// The staff catalogue: /dashboard/i18n/<lang>.json, with {name} placeholders.

let text = {};
let language = 'en';
let languages = [{code: 'en', name: 'English', dir: 'ltr'}];

export async function loadLanguage(preferred) {
  languages = await fetch('/dashboard/i18n/languages.json').then((r) => r.json()).catch(() => languages);
  const codes = languages.map((l) => l.code);
  const wanted = [preferred, localStorage.getItem('beatline.language'), ...(navigator.languages || [])]
    .filter(Boolean)
    .map((l) => closest(l, codes))
    .find(Boolean);
  language = wanted || 'en';
  text = await fetch('/dashboard/i18n/' + language + '.json').then((r) => r.json());
  const meta = languages.find((l) => l.code === language) || {dir: 'ltr'};
  document.documentElement.lang = language;
  document.documentElement.dir = meta.dir || 'ltr';
  return language;
}

/**
 * The staff language a browser setting names: the same language in the same script, so that
 * zh-TW and zh-HK read Traditional (zh-Hant) and zh-CN Simplified (zh), es-MX Spanish.
 */
function closest(tag, codes) {
  if (codes.includes(tag)) return tag;
  const script = (t) => {
    try {
      const l = new Intl.Locale(t).maximize();
      return l.language + '-' + l.script;
    } catch (e) {
      return null;
    }
  };
  const wanted = script(tag);
  return (wanted && codes.find((c) => script(c) === wanted)) || null;
}

export function setLanguage(code) {
  localStorage.setItem('beatline.language', code);
}

export function currentLanguage() {
  return language;
}

export function allLanguages() {
  return languages;
}

/** The text of key, its {placeholders} filled; the key itself when missing. */
export function t(key, args) {
  const pattern = Object.prototype.hasOwnProperty.call(text, key) ? text[key] : null;
  if (pattern === null) return args && args.fallback !== undefined ? args.fallback : key;
  return pattern.replace(/\{(\w+)\}/g, (m, name) => (args && args[name] !== undefined ? String(args[name]) : m));
}

/** A label for a code (state.new, role.admin…), or the code itself. */
export function label(prefix, code) {
  if (code === null || code === undefined || code === '') return '—';
  return t(prefix + '.' + code, {fallback: String(code)});
}

/** A date and time in the staff member's language. */
export function when(iso) {
  if (!iso) return '—';
  const d = typeof iso === 'number' ? new Date(iso) : new Date(iso);
  return new Intl.DateTimeFormat(language, {dateStyle: 'medium', timeStyle: 'short'}).format(d);
}

export function number(n) {
  return new Intl.NumberFormat(language).format(n);
}

/** How long ago, roughly: 35 min, 5 h, 3 d. */
export function age(iso) {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60000));
  if (minutes < 120) return t('time.minutes', {n: minutes});
  if (minutes < 48 * 60) return t('time.hours', {n: Math.round(minutes / 60)});
  return t('time.days', {n: Math.round(minutes / 1440)});
}

/** Minutes as a duration: 45 min, 3.5 h, 2.1 d. */
export function duration(minutes) {
  if (minutes === null || minutes === undefined) return '—';
  if (minutes < 120) return t('time.minutes', {n: minutes});
  if (minutes < 48 * 60) return t('time.hours', {n: Math.round(minutes / 6) / 10});
  return t('time.days', {n: Math.round(minutes / 144) / 10});
}
