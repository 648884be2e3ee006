import {h, fill, table, row} from '../dom.js';
import {get, query} from '../api.js';
import {t, label, when} from '../i18n.js';

/** The consent ledger: every opt-out, opt-in and topic change, addresses as keyed hashes only. */
export async function consentView(main) {
  const body = h('tbody', {});
  const tableEl = table(t('consent.caption'), [t('col.at'), t('col.channel'), t('col.address_hash'), t('col.change'), t('col.reason'), t('col.topic')], [], {id: 'consent'});
  tableEl.querySelector('tbody').replaceWith(body);
  const more = h('button', {type: 'button', class: 'secondary', id: 'more', hidden: true}, t('common.more'));
  fill(main, h('h1', {}, t('consent.title')), h('p', {class: 'hint'}, t('consent.intro')), tableEl, more);
  let next = null;
  const load = async (cursor) => {
    const page = await get('/consent' + query({limit: 100, cursor}));
    const items = page.items || page.entries || [];
    items.forEach((e) => body.append(row([
      h('time', {datetime: e.at}, when(e.at)),
      label('channel', e.channel),
      h('code', {class: 'hash', title: e.addressHash}, shortHash(e.addressHash)),
      label('change', e.change),
      e.reason || '',
      e.topic || '',
    ])));
    next = page.next || null;
    more.hidden = !next;
  };
  more.addEventListener('click', () => load(next));
  await load(null);
}

function shortHash(hash) {
  return hash && hash.length > 16 ? hash.slice(0, 16) + '…' : hash || '—';
}
