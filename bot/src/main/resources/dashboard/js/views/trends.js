import {h, fill, field, select} from '../dom.js';
import {get, query} from '../api.js';
import {t, label, duration} from '../i18n.js';
import {loadNeighbourhoods, neighbourhoodName} from '../lookups.js';
import {columns, lines} from '../charts.js';

const INTERVALS = ['day', 'week', 'month'];
const MOST_SERIES = 7;

/**
 * Concern trends for problem-solving: how many concerns per period, by neighbourhood or category,
 * and how long they waited for a first answer and for resolution.
 */
export async function trendsView(main) {
  await loadNeighbourhoods();
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const interval = INTERVALS.includes(params.get('interval')) ? params.get('interval') : 'week';
  const by = params.get('by') === null ? 'neighbourhood' : params.get('by');
  const intervalSel = select(INTERVALS.map((i) => ({value: i, label: t('interval.' + i)})), interval, {id: 'trend-interval', name: 'interval'});
  const bySel = select([
    {value: '', label: t('trends.by_none')},
    {value: 'neighbourhood', label: t('trends.by_neighbourhood')},
    {value: 'category', label: t('trends.by_category')},
    {value: 'neighbourhood,category', label: t('trends.by_both')},
  ], by, {id: 'trend-by', name: 'by'});
  const form = h('form', {class: 'filters', on: {submit: (e) => {
    e.preventDefault();
    const target = '#/trends' + query({interval: intervalSel.value, by: bySel.value}) + (bySel.value ? '' : '&by=');
    if (location.hash === target) trendsView(main);
    else location.hash = target;
  }}},
  field(t('trends.interval'), intervalSel),
  field(t('trends.by'), bySel),
  h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'show-trends'}, t('common.show'))));

  const [grouped, overall] = await Promise.all([
    get('/concerns/stats' + query({interval, by})),
    get('/concerns/stats' + query({interval})),
  ]);
  const periods = grouped.periods;
  const total = grouped.items.reduce((a, i) => a + i.count, 0);
  fill(main,
    h('h1', {}, t('trends.title')),
    h('p', {class: 'hint'}, t('trends.intro')),
    form,
    h('p', {class: 'count', id: 'trend-total'}, t('trends.total', {count: total})),
    h('section', {class: 'card', 'aria-labelledby': 'count-h', id: 'trend-counts'},
      h('h2', {id: 'count-h'}, t('trends.counts', {interval: t('interval.' + interval)})),
      columns(t('trends.counts', {interval: t('interval.' + interval)}), periods, series(grouped.items, periods, by), {periodHeader: t('col.period')})),
    h('section', {class: 'card', 'aria-labelledby': 'times-h', id: 'trend-times'},
      h('h2', {id: 'times-h'}, t('trends.times')),
      lines(t('trends.times'), periods, [
        {name: t('trends.ack'), values: periods.map((p) => median(overall.items, p, 'acknowledgedMedianMinutes'))},
        {name: t('trends.resolved'), values: periods.map((p) => median(overall.items, p, 'resolvedMedianMinutes'))},
      ], {format: duration, periodHeader: t('col.period')})));
}

function median(items, period, field) {
  const item = items.find((i) => i.period === period);
  return item ? item[field] : null;
}

function groupName(item, by) {
  const parts = [];
  if (by.includes('neighbourhood')) parts.push(item.neighbourhood ? neighbourhoodName(item.neighbourhood) : t('trends.unknown_place'));
  if (by.includes('category')) parts.push(label('category', item.category));
  return parts.join(' · ') || t('trends.all');
}

/** One series per group, the largest first; the rest added up as "other". */
function series(items, periods, by) {
  const groups = new Map();
  for (const item of items) {
    const name = groupName(item, by);
    if (!groups.has(name)) groups.set(name, {name, values: periods.map(() => 0), total: 0});
    const g = groups.get(name);
    const i = periods.indexOf(item.period);
    if (i >= 0) g.values[i] += item.count;
    g.total += item.count;
  }
  const sorted = [...groups.values()].sort((a, b) => b.total - a.total);
  if (!sorted.length) return [{name: t('trends.all'), values: periods.map(() => 0)}];
  if (sorted.length <= MOST_SERIES) return sorted;
  const other = {name: t('trends.other'), values: periods.map(() => 0)};
  sorted.slice(MOST_SERIES - 1).forEach((g) => g.values.forEach((v, i) => { other.values[i] += v; }));
  return [...sorted.slice(0, MOST_SERIES - 1), other];
}
