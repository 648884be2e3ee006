// Names the pages show for ids: neighbourhoods and officers, read once per page load.

import {get} from './api.js';
import {currentLanguage} from './i18n.js';

let neighbourhoods = null;
let officers = null;

export async function loadNeighbourhoods() {
  if (!neighbourhoods) {
    neighbourhoods = await get('/neighbourhoods?limit=500').then((r) => r.items).catch(() => []);
  }
  return neighbourhoods;
}

export async function loadOfficers(fresh) {
  if (!officers || fresh) {
    officers = await get('/officers?limit=500').then((r) => r.items).catch(() => []);
  }
  return officers;
}

export function neighbourhoodName(id) {
  if (!id) return '—';
  const n = (neighbourhoods || []).find((x) => x.id === id);
  return n ? n.names[currentLanguage()] || n.names.en || id : id;
}

export function officerName(id) {
  if (!id) return null;
  const o = (officers || []).find((x) => x.id === id);
  return o ? o.name : id;
}

/** Every page of a list, up to max items. */
export async function all(path, max) {
  const items = [];
  let cursor = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await get(path + sep + 'limit=500' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    items.push(...page.items);
    cursor = page.next;
  } while (cursor && items.length < (max || 5000));
  return items;
}
