import {h, fill, field, select, table, row, notice, masked} from '../dom.js';
import {get, post} from '../api.js';
import {t, label, number, currentLanguage} from '../i18n.js';
import {neighbourhoodName, loadNeighbourhoods} from '../lookups.js';
import {hbars, columns} from '../charts.js';
import {may, failure} from '../app.js';

const STEPS = ['invited', 'sent', 'started', 'completed'];
const BREAKDOWNS = ['contactType', 'district', 'language'];
const CHARTED = ['scale', 'yes_no', 'choice'];

/** A survey's results as charts and tables, its CSV, and invitations from a records export. */
export async function surveysView(main, args) {
  const [surveys] = await Promise.all([get('/surveys?language=' + encodeURIComponent(currentLanguage())).then((r) => r.items), loadNeighbourhoods()]);
  if (!surveys.length) {
    fill(main, h('h1', {}, t('surveys.title')), h('p', {}, t('surveys.none')));
    return;
  }
  const outline = surveys.find((s) => s.id === (args && args[0])) || surveys[0];
  const chooser = select(surveys.map((s) => ({value: s.id, label: s.title || s.id})), outline.id, {id: 'survey', name: 'survey'});
  const results = await get('/surveys/' + encodeURIComponent(outline.id) + '/results');
  fill(main,
    h('h1', {}, t('surveys.title')),
    h('form', {class: 'filters', on: {submit: (e) => { e.preventDefault(); location.hash = '#/surveys/' + encodeURIComponent(chooser.value); }}},
      field(t('surveys.choose'), chooser),
      h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'show-survey'}, t('common.show')))),
    h('div', {class: 'toolbar'},
      h('p', {class: 'count', id: 'responses'}, t('surveys.responses', {count: number(results.responses)})),
      h('a', {class: 'button secondary', id: 'survey-csv', href: '/api/v1/surveys/' + encodeURIComponent(outline.id) + '/results?format=csv', download: outline.id + '.csv'}, t('surveys.csv'))),
    h('section', {class: 'card', 'aria-labelledby': 'rates-h'},
      h('h2', {id: 'rates-h'}, t('surveys.rates')),
      funnel(results.rates),
      overTime(results.breakdowns.week || {})),
    h('section', {class: 'card', 'aria-labelledby': 'questions-h', id: 'questions'},
      h('h2', {id: 'questions-h'}, t('surveys.questions')),
      results.responses ? outline.questions.map((q) => question(q, results.questions[q.id])) : h('p', {}, t('surveys.no_responses'))),
    h('section', {class: 'card', 'aria-labelledby': 'breakdowns-h'},
      h('h2', {id: 'breakdowns-h'}, t('surveys.breakdowns')),
      BREAKDOWNS.map((by) => breakdown(by, results.breakdowns[by] || {}, outline))),
    may('surveys') && outline.invitations ? invitations(outline) : null);
}

function funnel(rates) {
  const invited = rates.invited || 0;
  const items = STEPS.map((s) => ({label: t('rate.' + s), value: rates[s] || 0}));
  const rate = invited ? Math.round(((rates.completed || 0) * 100) / invited) : null;
  return [
    hbars(t('surveys.rates'), items),
    h('p', {id: 'response-rate'}, rate === null ? t('surveys.no_invitations') : t('surveys.rate', {rate})),
  ];
}

function overTime(weeks) {
  const periods = Object.keys(weeks).sort();
  if (!periods.length) return null;
  return columns(t('surveys.over_time'), periods, [{name: t('surveys.responses_label'), values: periods.map((p) => weeks[p].responses)}], {periodHeader: t('col.week')});
}

function answerLabel(q, value) {
  if (q.type === 'yes_no') return t('answer.' + value, {fallback: value});
  const option = (q.options || []).find((o) => o.value === value);
  return option ? option.label : value;
}

function question(q, stats) {
  const head = h('h3', {}, q.text || q.id);
  if (!stats) return h('div', {class: 'question', dataset: {question: q.id}}, head, h('p', {}, t('surveys.no_answers')));
  if (!CHARTED.includes(q.type)) {
    return h('div', {class: 'question', dataset: {question: q.id}}, head, h('p', {}, t('surveys.free_text', {count: number(stats.count)})));
  }
  let values = Object.keys(stats.answers);
  if (q.type === 'scale') values = ['1', '2', '3', '4', '5'];
  if (q.type === 'choice' && q.options.length) values = q.options.map((o) => o.value);
  if (q.type === 'yes_no') values = ['yes', 'no'];
  const extra = Object.keys(stats.answers).filter((v) => !values.includes(v));
  const items = [...values, ...extra].map((v) => ({label: answerLabel(q, v), value: stats.answers[v] || 0}));
  return h('div', {class: 'question', dataset: {question: q.id}},
    head,
    hbars(q.text || q.id, items, {percent: true}),
    h('p', {class: 'hint'}, t('surveys.answered', {count: number(stats.count)}), stats.mean !== undefined ? ' · ' + t('surveys.mean', {mean: number(stats.mean)}) : ''));
}

function groupName(by, value) {
  if (by === 'district') return neighbourhoodName(value);
  if (by === 'language') return label('language', value);
  return label('contact_type', value);
}

function breakdown(by, groups, outline) {
  const scales = outline.questions.filter((q) => q.type === 'scale');
  const names = Object.keys(groups);
  if (!names.length) return h('p', {}, t('breakdown.' + by), ': ', t('surveys.no_responses'));
  return table(t('breakdown.' + by), [t('col.group'), t('col.responses'), ...scales.map((q) => t('surveys.mean_of', {question: q.id}))],
    names.map((g) => row([groupName(by, g), number(groups[g].responses),
      ...scales.map((q) => {
        const s = groups[g].questions[q.id];
        return s && s.mean !== undefined ? number(s.mean) : '—';
      })])), {dataset: {breakdown: by}});
}

/** Invitations by CSV upload: each row's result shown beside what it was, the address masked. */
function invitations(outline) {
  const file = h('input', {type: 'file', id: 'invitations-file', name: 'file', accept: '.csv,text/csv', required: true});
  const out = h('div', {id: 'invitation-results', 'aria-live': 'polite'});
  const send = h('button', {type: 'submit', id: 'send-invitations'}, t('invite.send'));
  return h('section', {class: 'card', 'aria-labelledby': 'invite-h'},
    h('h2', {id: 'invite-h'}, t('invite.title')),
    h('form', {on: {submit: async (e) => {
      e.preventDefault();
      if (!file.files.length) {
        fill(out, notice(t('invite.choose'), 'error'));
        return;
      }
      const text = await file.files[0].text();
      send.disabled = true;
      try {
        const r = await post('/surveys/' + encodeURIComponent(outline.id) + '/invitations', text, {contentType: 'text/csv'});
        const rows = parseCsv(text);
        const header = rows.shift() || [];
        const col = (cells, name) => cells[header.indexOf(name)] || '';
        const scheduled = r.results.filter((x) => x.status === 'scheduled').length;
        fill(out,
          notice(t('invite.summary', {scheduled: number(scheduled), refused: number(r.results.length - scheduled)}), 'success'),
          table(t('invite.results'), [t('col.row'), t('col.channel'), t('col.address'), t('col.contact_type'), t('col.neighbourhood'), t('col.status'), t('col.reason')],
            r.results.map((x, i) => {
              const cells = rows[i] || [];
              return row([String(i + 1), col(cells, 'channel'), masked(col(cells, 'address')), label('contact_type', col(cells, 'contactType')),
                neighbourhoodName(col(cells, 'district')), h('span', {class: ['status', 'status-' + x.status]}, label('status', x.status)), x.reason ? label('reason', x.reason) : '']);
            }), {id: 'invitations'}));
      } catch (err) {
        fill(out, failure(err));
      } finally {
        send.disabled = false;
      }
    }}},
    h('p', {class: 'hint', id: 'invite-help'}, t('invite.help')),
    field(t('invite.file'), file),
    h('div', {class: 'actions'}, send)),
    out);
}

/** Rows of a CSV text, with quoted fields. */
export function parseCsv(text) {
  const rows = [];
  let cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') { quoted = false; } else { cell += ch; }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      cells.push(cell.trim()); cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell.trim()); cell = '';
      if (cells.some((c) => c)) rows.push(cells);
      cells = [];
    } else {
      cell += ch;
    }
  }
  cells.push(cell.trim());
  if (cells.some((c) => c)) rows.push(cells);
  return rows;
}
