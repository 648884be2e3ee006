import {h, fill, table, row} from '../dom.js';
import {get, query} from '../api.js';
import {t, label, when, number} from '../i18n.js';

/** What residents asked that the bot could not answer: masked text, never the sender. */
export async function unrecognizedView(main) {
  const body = h('tbody', {});
  const tableEl = table(t('unrecognized.caption'), [t('col.text'), t('col.language'), t('col.guess'), t('col.channel'), t('col.at')], [], {id: 'unrecognized'});
  tableEl.querySelector('tbody').replaceWith(body);
  const more = h('button', {type: 'button', class: 'secondary', id: 'more', hidden: true}, t('common.more'));
  const empty = h('p', {hidden: true}, t('unrecognized.none'));
  fill(main, h('h1', {}, t('unrecognized.title')), h('p', {class: 'hint'}, t('unrecognized.intro')), empty, tableEl, more);
  let next = null;
  const load = async (cursor) => {
    const page = await get('/nlu/unrecognized' + query({limit: 50, cursor}));
    const items = page.items || page.messages || [];
    items.forEach((m) => body.append(row([
      h('span', {class: 'resident-text', dir: 'auto'}, m.text || ''),
      label('language', m.language),
      m.intent ? label('intent', m.intent) + ' (' + number(Math.round((m.confidence || 0) * 100)) + '%)' : '—',
      label('channel', m.channel),
      h('time', {datetime: m.at}, when(m.at)),
    ])));
    next = page.next || null;
    more.hidden = !next;
    empty.hidden = body.children.length > 0;
  };
  more.addEventListener('click', () => load(next));
  await load(null);
}
