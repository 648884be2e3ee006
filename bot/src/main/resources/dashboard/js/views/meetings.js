import {h, fill, field, select, table, row, notice} from '../dom.js';
import {get, post, patch, del} from '../api.js';
import {t, label, when, currentLanguage, number} from '../i18n.js';
import {loadNeighbourhoods, neighbourhoodName, all} from '../lookups.js';
import {may, failure} from '../app.js';
import {department} from '../department.js';

const KINDS = ['meeting', 'forum', 'academy'];
const COUNTS = ['recipients', 'queued', 'sent', 'delivered', 'failed', 'optedOut', 'held'];

/** Upcoming meetings; admins schedule, change and cancel them and watch the announcement go out. */
export async function meetingsView(main, args, done) {
  const [dept, hoods, meetings] = await Promise.all([department(), loadNeighbourhoods(), all('/meetings')]);
  const now = Date.now();
  const upcoming = meetings.filter((m) => new Date(m.startsAt).getTime() >= now - 3600 * 1000)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const messages = h('div', {class: 'messages', 'aria-live': 'polite'});
  const progress = h('div', {id: 'broadcast'});
  const editing = args && args[0] ? meetings.find((m) => m.id === args[0]) : null;
  const rows = upcoming.map((m) => row([
    h('span', {class: 'meeting-title'}, title(m, dept)),
    label('kind', m.kind),
    m.neighbourhood === 'all' ? t('meetings.all') : neighbourhoodName(m.neighbourhood),
    h('time', {datetime: m.startsAt}, when(m.startsAt)),
    m.place || '',
    may('meetings') ? h('div', {class: 'row-actions'},
      h('a', {href: '#/meetings/' + encodeURIComponent(m.id), class: 'button secondary compact'}, t('common.edit')),
      h('button', {type: 'button', class: 'danger compact', dataset: {meeting: m.id}, on: {click: async (e) => {
        if (!window.confirm(t('meetings.confirm_cancel', {title: title(m, dept)}))) return;
        e.target.disabled = true;
        try {
          const r = await del('/meetings/' + encodeURIComponent(m.id));
          e.target.closest('tr').remove();
          fill(messages, notice(t('meetings.cancelled'), 'success'));
          watch(progress, r.broadcast);
        } catch (err) {
          e.target.disabled = false;
          fill(messages, failure(err));
        }
      }}}, t('meetings.cancel'))) : null,
  ], {dataset: {meeting: m.id}}));
  fill(main,
    h('h1', {}, t('meetings.title')),
    messages,
    progress,
    upcoming.length
      ? table(t('meetings.upcoming'), [t('col.title'), t('col.kind'), t('col.neighbourhood'), t('col.starts'), t('col.place'), may('meetings') ? t('col.actions') : ''], rows, {id: 'meetings'})
      : h('p', {}, t('meetings.none')),
    may('meetings') ? form(main, dept, hoods, editing, messages) : null);
  if (done) {
    fill(messages, notice(done.text, 'success'));
    watch(progress, done.broadcast);
  }
}

function title(m, dept) {
  return m.title[currentLanguage()] || m.title[dept.defaultLanguage] || Object.values(m.title)[0] || m.id;
}

function localInput(iso) {
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function form(main, dept, hoods, m, messages) {
  const kind = select(KINDS.map((k) => ({value: k, label: label('kind', k)})), m ? m.kind : 'meeting', {id: 'meeting-kind', name: 'kind'});
  const hood = select([{value: 'all', label: t('meetings.all')}, ...hoods.map((n) => ({value: n.id, label: neighbourhoodName(n.id)}))], m ? m.neighbourhood : 'all', {id: 'meeting-neighbourhood', name: 'neighbourhood'});
  const starts = h('input', {type: 'datetime-local', id: 'meeting-starts', name: 'startsAt', required: true, value: m ? localInput(m.startsAt) : ''});
  const minutes = h('input', {type: 'number', id: 'meeting-duration', name: 'durationMinutes', min: 5, max: 1440, step: 5, required: true, value: m ? m.durationMinutes : 90});
  const place = h('input', {type: 'text', id: 'meeting-place', name: 'place', maxlength: 200, required: true, value: m ? m.place : ''});
  const topic = h('input', {type: 'text', id: 'meeting-topic', name: 'topic', maxlength: 200, value: m && m.topic ? m.topic : ''});
  const titles = {};
  const details = {};
  const perLanguage = dept.languages.map((lang) => {
    const required = lang === dept.defaultLanguage;
    titles[lang] = h('input', {type: 'text', id: 'meeting-title-' + lang, name: 'title-' + lang, lang, dir: 'auto', maxlength: 500, required, value: m && m.title[lang] ? m.title[lang] : ''});
    details[lang] = h('textarea', {id: 'meeting-details-' + lang, name: 'details-' + lang, lang, dir: 'auto', rows: 2, maxlength: 500, value: m && m.details[lang] ? m.details[lang] : ''});
    return h('fieldset', {class: 'language-block'},
      h('legend', {}, label('language', lang) + (required ? ' · ' + t('meetings.required') : '')),
      field(t('field.title'), titles[lang]),
      field(t('field.details'), details[lang]));
  });
  const save = h('button', {type: 'submit', id: 'meeting-save'}, m ? t('meetings.save_changes') : t('meetings.schedule'));
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return h('form', {class: 'card', id: 'meeting-form', on: {submit: async (e) => {
    e.preventDefault();
    if (!titles[dept.defaultLanguage].value.trim() || !starts.value || !place.value.trim()) {
      fill(messages, notice(t('meetings.missing', {language: label('language', dept.defaultLanguage)}), 'error'));
      return;
    }
    const body = {
      kind: kind.value,
      neighbourhood: hood.value,
      startsAt: new Date(starts.value).toISOString(),
      durationMinutes: Number(minutes.value),
      place: place.value.trim(),
      title: {},
      details: {},
    };
    if (topic.value.trim()) body.topic = topic.value.trim();
    for (const lang of dept.languages) {
      if (titles[lang].value.trim()) body.title[lang] = titles[lang].value.trim();
      if (details[lang].value.trim()) body.details[lang] = details[lang].value.trim();
    }
    save.disabled = true;
    try {
      const saved = m ? await patch('/meetings/' + encodeURIComponent(m.id), body) : await post('/meetings', body);
      // The list shows the meeting at once; the address leaves the edited meeting behind.
      history.replaceState(null, '', '#/meetings');
      await meetingsView(main, [], {text: m ? t('meetings.changed') : t('meetings.scheduled'), broadcast: saved.broadcast});
    } catch (err) {
      save.disabled = false;
      fill(messages, failure(err));
    }
  }}},
  h('h2', {}, m ? t('meetings.edit') : t('meetings.new')),
  m ? h('p', {}, h('a', {href: '#/meetings'}, t('meetings.new_instead'))) : null,
  h('div', {class: 'grid'},
    field(t('field.kind'), kind),
    field(t('field.neighbourhood'), hood),
    field(t('field.starts'), starts, t('meetings.zone', {zone})),
    field(t('field.duration'), minutes),
    field(t('field.place'), place),
    field(t('field.topic'), topic, t('meetings.topic_hint'))),
  h('h3', {}, t('meetings.languages')),
  h('div', {class: 'languages'}, perLanguage),
  h('div', {class: 'actions'}, save));
}

/** The announcement's counts, read again every two seconds while the page shows them. */
export function watch(panel, id) {
  if (!id) return;
  const counts = {};
  const list = h('dl', {class: 'counts', id: 'broadcast-counts'}, COUNTS.map((k) => {
    counts[k] = h('dd', {id: 'count-' + k}, '…');
    return h('div', {}, h('dt', {}, t('broadcast.' + k)), counts[k]);
  }));
  const stamp = h('p', {class: 'hint', role: 'status'});
  fill(panel, h('section', {class: 'card', 'aria-labelledby': 'broadcast-h', dataset: {broadcast: id}},
    h('h2', {id: 'broadcast-h'}, t('broadcast.title')), list, stamp));
  const started = Date.now();
  const tick = async () => {
    if (!panel.isConnected || panel.querySelector('[data-broadcast]')?.dataset.broadcast !== id) return;
    try {
      const p = await get('/broadcasts/' + encodeURIComponent(id));
      COUNTS.forEach((k) => { counts[k].textContent = number(p[k] || 0); });
      stamp.textContent = t('broadcast.updated', {time: new Date().toLocaleTimeString(currentLanguage())});
    } catch (e) {
      if (e.status !== 404) stamp.textContent = t('common.error', {reason: e.message});
    }
    if (Date.now() - started < 15 * 60 * 1000) setTimeout(tick, 2000);
  };
  tick();
}
