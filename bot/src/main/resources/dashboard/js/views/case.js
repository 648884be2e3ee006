import {h, fill, field, select, notice, masked} from '../dom.js';
import {get, post} from '../api.js';
import {t, label, when} from '../i18n.js';
import {loadNeighbourhoods, loadOfficers, neighbourhoodName, officerName} from '../lookups.js';
import {may, failure} from '../app.js';

/**
 * One case: what the resident wrote and where, the conversation with the officers (each message
 * with its language), the progress record and the history, and the actions the role allows.
 */
export async function caseView(main, reference, done) {
  await Promise.all([loadNeighbourhoods(), loadOfficers()]);
  const c = await get('/concerns/' + encodeURIComponent(reference));
  const open = c.state === 'new' || c.state === 'acknowledged';
  const facts = h('dl', {class: 'facts'},
    fact(t('col.state'), h('span', {class: ['state', 'state-' + c.state], id: 'case-state'}, label('state', c.state))),
    fact(t('col.neighbourhood'), neighbourhoodName(c.neighbourhood)),
    fact(t('col.category'), label('category', c.category)),
    fact(t('case.where'), c.where ? h('span', {dir: 'auto'}, c.where) : '—'),
    fact(t('case.reported'), when(c.createdAt)),
    fact(t('case.language'), label('language', c.language)),
    fact(t('col.officer'), officerName(c.officer) || t('case.unassigned')),
    fact(t('case.contact'), label('contact', c.contactPreference)),
    c.contactDetail ? fact(t('case.contact_detail'), h('span', {id: 'contact-detail', dir: 'ltr'}, masked(c.contactDetail))) : null);

  const thread = h('ol', {class: 'thread', id: 'thread'}, (c.thread || []).map((m) =>
    h('li', {class: ['message', m.from === 'resident' ? 'from-resident' : 'from-officer']},
      h('p', {class: 'meta'},
        h('strong', {}, m.from === 'resident' ? t('case.from_resident') : t('case.from_officer', {name: officerName(m.officer) || m.officer || ''})),
        ' · ', h('time', {datetime: m.at}, when(m.at)),
        m.language ? [' · ', t('case.written_in', {language: label('language', m.language)})] : null),
      h('p', {class: 'text', dir: 'auto'}, m.text || ''))));

  const progress = (c.progress || []).length
    ? h('ol', {class: 'records', id: 'progress'}, c.progress.map((p) =>
      h('li', {}, h('p', {class: 'meta'}, p.who || '', ' · ', h('time', {datetime: p.at}, when(p.at))), h('p', {class: 'text', dir: 'auto'}, p.text || ''))))
    : h('p', {id: 'progress'}, t('case.no_progress'));

  const history = h('ol', {class: 'records small', id: 'history'}, (c.audit || []).map((a) =>
    h('li', {}, h('time', {datetime: a.at}, when(a.at)), ' · ', label('audit', a.what), a.detail ? ' (' + a.detail + ')' : '', ' · ', a.who || '', a.via ? ' · ' + a.via : '')));

  const messages = h('div', {class: 'messages', 'aria-live': 'polite'}, done ? notice(done, 'success') : null);
  fill(main,
    h('p', {}, h('a', {href: '#/concerns', class: 'back'}, t('case.back'))),
    h('h1', {}, t('case.title', {reference: c.reference})),
    messages,
    h('section', {'aria-labelledby': 'what-h', class: 'card'},
      h('h2', {id: 'what-h'}, t('case.what')),
      h('blockquote', {class: 'resident-words', id: 'case-what', dir: 'auto'}, c.what || '')),
    h('section', {'aria-labelledby': 'facts-h', class: 'card'}, h('h2', {id: 'facts-h'}, t('case.facts')), facts),
    h('section', {'aria-labelledby': 'thread-h', class: 'card'}, h('h2', {id: 'thread-h'}, t('case.thread')), thread),
    may('case') ? actions(main, c, open, messages) : null,
    h('section', {'aria-labelledby': 'progress-h', class: 'card'}, h('h2', {id: 'progress-h'}, t('case.progress')), progress),
    h('section', {'aria-labelledby': 'history-h', class: 'card'}, h('h2', {id: 'history-h'}, t('case.history')), history));
}

function fact(name, value) {
  return [h('dt', {}, name), h('dd', {}, value)];
}

/** The forms of the actions a case allows in its state; each answers in the live region. */
function actions(main, c, open, messages) {
  const act = async (action, body, button) => {
    button.disabled = true;
    try {
      await post('/concerns/' + encodeURIComponent(c.reference) + '/' + action, body);
      await caseView(main, c.reference, t('action.done.' + action));
      const heading = main.querySelector('h1');
      if (heading) heading.focus();
    } catch (e) {
      button.disabled = false;
      fill(messages, failure(e));
    }
  };
  const textForm = (action, required) => {
    const area = h('textarea', {id: 'text-' + action, name: 'text', dir: 'auto', rows: 3, maxlength: 1600, required});
    const button = h('button', {type: 'submit', id: 'do-' + action, class: action === 'no-follow-up' ? 'danger' : null}, t('action.' + action));
    return h('form', {class: 'action', id: 'form-' + action, on: {submit: (e) => {
      e.preventDefault();
      if (required && !area.value.trim()) {
        fill(messages, notice(t('action.needs_text'), 'error'));
        area.focus();
        return;
      }
      act(action, area.value.trim() ? {text: area.value.trim()} : {}, button);
    }}}, field(t('action.' + action + '_label'), area), h('div', {class: 'actions'}, button));
  };
  const parts = [];
  if (open) {
    if (c.state === 'new') {
      const ack = h('button', {type: 'button', id: 'do-ack', on: {click: () => act('ack', {}, ack)}}, t('action.ack'));
      parts.push(h('div', {class: 'actions'}, ack));
    }
    parts.push(c.contactPreference === 'anonymous' ? notice(t('case.anonymous'), 'info') : textForm('reply', true));
  } else {
    parts.push(notice(t('case.closed'), 'info'));
  }
  parts.push(textForm('note', true));
  if (open) {
    parts.push(textForm('resolve', false));
    parts.push(textForm('no-follow-up', true));
    const officers = select([{value: '', label: t('action.assign_choose')}], '', {id: 'assign-officer', name: 'officer'});
    loadOfficers().then((list) => list.filter((o) => o.active && o.id !== c.officer).forEach((o) => officers.append(h('option', {value: o.id}, o.name))));
    const assign = h('button', {type: 'submit', id: 'do-assign', class: 'secondary'}, t('action.assign'));
    parts.push(h('form', {class: 'action', on: {submit: (e) => {
      e.preventDefault();
      if (officers.value) act('assign', {officer: officers.value}, assign);
    }}}, field(t('action.assign_label'), officers), h('div', {class: 'actions'}, assign)));
  }
  return h('section', {'aria-labelledby': 'actions-h', class: 'card', id: 'case-actions'}, h('h2', {id: 'actions-h'}, t('case.actions')), parts);
}
