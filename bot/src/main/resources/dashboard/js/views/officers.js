import {h, fill, field, select, table, row, notice, masked} from '../dom.js';
import {post, patch, put} from '../api.js';
import {t, label} from '../i18n.js';
import {loadNeighbourhoods, loadOfficers, neighbourhoodName, officerName} from '../lookups.js';
import {department} from '../department.js';
import {may, failure} from '../app.js';

const ROLES = ['liaison', 'supervisor', 'complaint_intake'];

/** The officers concerns go to, and who answers each neighbourhood; admins change both. */
export async function officersView(main) {
  const [dept, hoods, officers] = await Promise.all([department(), loadNeighbourhoods(), loadOfficers(true)]);
  const messages = h('div', {class: 'messages', 'aria-live': 'polite'});
  const reload = async (text) => {
    await officersView(main);
    const m = main.querySelector('.messages');
    if (m && text) fill(m, notice(text, 'success'));
  };
  const officerRows = officers.map((o) => row([
    o.name, o.displayName || '', label('officer_role', o.role), h('span', {dir: 'ltr'}, masked(o.phone)), h('span', {dir: 'ltr'}, masked(o.telegramChatId)),
    (o.neighbourhoods || []).map(neighbourhoodName).join(', '), (o.languages || []).map((l) => label('language', l)).join(', '),
    o.active ? t('common.yes') : t('common.no'),
    may('officers') ? h('button', {type: 'button', class: 'secondary compact', dataset: {officer: o.id}, on: {click: async (e) => {
      e.target.disabled = true;
      try {
        await patch('/officers/' + encodeURIComponent(o.id), {active: !o.active});
        await reload(t('common.saved'));
      } catch (err) {
        e.target.disabled = false;
        fill(messages, failure(err));
      }
    }}}, o.active ? t('officers.deactivate') : t('officers.activate')) : null,
  ]));
  const hoodRows = hoods.map((n) => row([
    neighbourhoodName(n.id), (n.zips || []).join(', '),
    n.routing ? officerName(n.routing.primary) : t('neighbourhoods.default'),
    n.routing && n.routing.backup ? officerName(n.routing.backup) : '—',
    n.routing && n.routing.ackDeadlineHours ? t('time.hours', {n: n.routing.ackDeadlineHours}) : t('neighbourhoods.working_days'),
  ]));
  fill(main,
    h('h1', {}, t('officers.title')),
    messages,
    table(t('officers.caption'), [t('col.name'), t('field.display_name'), t('col.role'), t('col.phone'), t('col.telegram'), t('col.neighbourhoods'), t('col.languages'), t('col.active'), ''], officerRows, {id: 'officers'}),
    may('officers') ? officerForm(dept, hoods, messages, reload) : null,
    h('h2', {id: 'neighbourhoods-h'}, t('neighbourhoods.title')),
    table(t('neighbourhoods.caption'), [t('col.neighbourhood'), t('col.zips'), t('field.primary'), t('field.backup'), t('field.deadline')], hoodRows, {id: 'neighbourhoods'}),
    may('officers') && officers.length ? routingForm(hoods, officers, messages, reload) : null);
}

function checkboxes(name, options) {
  return h('fieldset', {class: 'checks'}, h('legend', {}, t('field.' + name)),
    options.map((o) => {
      const box = h('input', {type: 'checkbox', name, value: o.value, id: name + '-' + o.value});
      return h('label', {for: box.id, class: 'check'}, box, ' ', o.label);
    }));
}

function officerForm(dept, hoods, messages, reload) {
  const name = h('input', {type: 'text', id: 'officer-name', maxlength: 120, required: true});
  const display = h('input', {type: 'text', id: 'officer-display', maxlength: 120, required: true});
  const role = select(ROLES.map((r) => ({value: r, label: label('officer_role', r)})), 'liaison', {id: 'officer-role'});
  const phone = h('input', {type: 'tel', id: 'officer-phone', autocomplete: 'off'});
  const chat = h('input', {type: 'text', id: 'officer-telegram', inputmode: 'numeric', autocomplete: 'off'});
  const hoodBoxes = checkboxes('neighbourhoods', hoods.map((n) => ({value: n.id, label: neighbourhoodName(n.id)})));
  const langBoxes = checkboxes('languages', dept.languages.map((l) => ({value: l, label: label('language', l)})));
  const save = h('button', {type: 'submit', id: 'officer-save'}, t('officers.register'));
  return h('form', {class: 'card', id: 'officer-form', on: {submit: async (e) => {
    e.preventDefault();
    const checked = (box) => [...box.querySelectorAll('input:checked')].map((i) => i.value);
    const body = {name: name.value.trim(), displayName: display.value.trim(), role: role.value,
      neighbourhoods: checked(hoodBoxes), languages: checked(langBoxes)};
    if (phone.value.trim()) body.phone = phone.value.trim();
    if (chat.value.trim()) body.telegramChatId = chat.value.trim();
    save.disabled = true;
    try {
      await post('/officers', body);
      await reload(t('officers.registered'));
    } catch (err) {
      save.disabled = false;
      fill(messages, failure(err));
    }
  }}},
  h('h2', {}, t('officers.new')),
  h('div', {class: 'grid'},
    field(t('col.name'), name), field(t('field.display_name'), display, t('officers.display_hint')), field(t('col.role'), role),
    field(t('col.phone'), phone, t('officers.phone_hint')), field(t('col.telegram'), chat)),
  hoodBoxes, langBoxes,
  h('div', {class: 'actions'}, save));
}

function routingForm(hoods, officers, messages, reload) {
  const choices = [{value: '', label: '—'}, ...officers.filter((o) => o.active).map((o) => ({value: o.id, label: o.name}))];
  const hood = select(hoods.map((n) => ({value: n.id, label: neighbourhoodName(n.id)})), '', {id: 'routing-neighbourhood'});
  const primary = select(choices, '', {id: 'routing-primary', required: true});
  const backup = select(choices, '', {id: 'routing-backup'});
  const hours = h('input', {type: 'number', id: 'routing-hours', min: 1, max: 720});
  const save = h('button', {type: 'submit', id: 'routing-save'}, t('common.save'));
  return h('form', {class: 'card', id: 'routing-form', on: {submit: async (e) => {
    e.preventDefault();
    if (!primary.value) {
      fill(messages, notice(t('neighbourhoods.need_primary'), 'error'));
      return;
    }
    const body = {primary: primary.value};
    if (backup.value) body.backup = backup.value;
    if (hours.value) body.ackDeadlineHours = Number(hours.value);
    save.disabled = true;
    try {
      await put('/neighbourhoods/' + encodeURIComponent(hood.value) + '/routing', body);
      await reload(t('common.saved'));
    } catch (err) {
      save.disabled = false;
      fill(messages, failure(err));
    }
  }}},
  h('h2', {}, t('neighbourhoods.routing')),
  h('div', {class: 'grid'},
    field(t('col.neighbourhood'), hood), field(t('field.primary'), primary), field(t('field.backup'), backup),
    field(t('field.deadline'), hours, t('neighbourhoods.deadline_hint'))),
  h('div', {class: 'actions'}, save));
}
