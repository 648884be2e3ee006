import {h, fill, field, select, table, row} from '../dom.js';
import {get, query} from '../api.js';
import {t, label, age} from '../i18n.js';
import {loadNeighbourhoods, loadOfficers, neighbourhoodName, officerName} from '../lookups.js';
import {failure} from '../app.js';

const STATES = ['new', 'acknowledged', 'resolved', 'no_follow_up'];
const DAY = 24 * 3600 * 1000;
/** Age filters: newer than (sent as since) or older than (applied to each page). */
const AGES = {day: {newer: DAY}, week: {newer: 7 * DAY}, month: {newer: 30 * DAY}, older_week: {older: 7 * DAY}, older_month: {older: 30 * DAY}};

/** The concern inbox: filters kept in the address, so that a filtered inbox can be bookmarked. */
export async function concernsView(main) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const filters = {
    state: params.get('state') || '',
    neighbourhood: params.get('neighbourhood') || '',
    age: params.get('age') || '',
    assignee: params.get('assignee') || '',
  };
  const [hoods, officers] = await Promise.all([loadNeighbourhoods(), loadOfficers()]);
  const stateSel = select([{value: '', label: t('common.all')}, ...STATES.map((s) => ({value: s, label: label('state', s)}))], filters.state, {id: 'filter-state', name: 'state'});
  const hoodSel = select([{value: '', label: t('common.all')}, ...hoods.map((n) => ({value: n.id, label: neighbourhoodName(n.id)}))], filters.neighbourhood, {id: 'filter-neighbourhood', name: 'neighbourhood'});
  const ageSel = select([{value: '', label: t('age.any')}, ...Object.keys(AGES).map((a) => ({value: a, label: t('age.' + a)}))], filters.age, {id: 'filter-age', name: 'age'});
  const whoSel = select([{value: '', label: t('assignee.any')}, {value: 'none', label: t('assignee.none')}, ...officers.map((o) => ({value: o.id, label: o.name}))], filters.assignee, {id: 'filter-assignee', name: 'assignee'});
  const form = h('form', {class: 'filters', role: 'search', 'aria-label': t('concerns.filters'), on: {submit: (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, el] of Object.entries({state: stateSel, neighbourhood: hoodSel, age: ageSel, assignee: whoSel})) {
      if (el.value) q.set(k, el.value);
    }
    const target = '#/concerns' + (q.toString() ? '?' + q : '');
    if (location.hash === target) concernsView(main);
    else location.hash = target;
  }}},
  field(t('filter.state'), stateSel),
  field(t('filter.neighbourhood'), hoodSel),
  field(t('filter.age'), ageSel),
  field(t('filter.assignee'), whoSel),
  h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'apply-filters'}, t('filter.apply'))));

  const body = h('tbody', {});
  const status = h('p', {class: 'count', role: 'status'});
  const more = h('button', {type: 'button', class: 'secondary', id: 'more', hidden: true}, t('common.more'));
  const csv = h('a', {class: 'button secondary', id: 'concerns-csv', href: '/api/v1/concerns' + query({format: 'csv', state: filters.state, neighbourhood: filters.neighbourhood}), download: 'concerns.csv'}, t('concerns.csv'));
  const tableEl = table(t('concerns.caption'), [t('col.reference'), t('col.state'), t('col.neighbourhood'), t('col.category'), t('col.officer'), t('col.age'), t('col.what')], [], {id: 'concerns'});
  tableEl.querySelector('tbody').replaceWith(body);
  fill(main, h('h1', {}, t('concerns.title')), form, h('div', {class: 'toolbar'}, status, csv), tableEl, more);

  const a = AGES[filters.age] || {};
  const base = {
    state: filters.state,
    neighbourhood: filters.neighbourhood,
    officer: filters.assignee && filters.assignee !== 'none' ? filters.assignee : '',
    since: a.newer ? new Date(Date.now() - a.newer).toISOString() : '',
    limit: 50,
  };
  let shown = 0;
  let next = null;
  const load = async (cursor) => {
    more.hidden = true;
    try {
      const page = await get('/concerns' + query({...base, cursor}));
      const items = page.items.filter((c) =>
        (!a.older || Date.now() - new Date(c.createdAt).getTime() > a.older) && (filters.assignee !== 'none' || !c.officer));
      items.forEach((c) => body.append(concernRow(c)));
      shown += items.length;
      status.textContent = shown ? t('concerns.count', {count: shown}) : t('concerns.none');
      next = page.next;
      more.hidden = !next;
    } catch (e) {
      status.replaceWith(failure(e));
    }
  };
  more.addEventListener('click', () => load(next));
  await load(null);
}

function concernRow(c) {
  return row([
    h('a', {href: '#/concerns/' + encodeURIComponent(c.reference), class: 'reference'}, c.reference),
    h('span', {class: ['state', 'state-' + c.state]}, label('state', c.state)),
    neighbourhoodName(c.neighbourhood),
    label('category', c.category),
    officerName(c.officer) || t('case.unassigned'),
    h('time', {datetime: c.createdAt}, age(c.createdAt)),
    h('span', {class: 'what', dir: 'auto'}, c.what || ''),
  ], {dataset: {reference: c.reference}});
}
