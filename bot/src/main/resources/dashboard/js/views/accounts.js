import {h, fill, field, select, table, row, notice} from '../dom.js';
import {get, post, patch, del, query} from '../api.js';
import {t, label, when} from '../i18n.js';
import {loadOfficers} from '../lookups.js';
import {session, failure} from '../app.js';

const ROLES = ['admin', 'liaison', 'complaint_intake', 'viewer'];

/** Staff accounts, machine tokens and the audit trail: admins only. */
export async function accountsView(main) {
  const [accounts, tokens, officers] = await Promise.all([get('/accounts?limit=500'), get('/tokens?limit=500'), loadOfficers()]);
  const messages = h('div', {class: 'messages', 'aria-live': 'polite'});
  const reload = async (text, extra) => {
    await accountsView(main);
    const m = main.querySelector('.messages');
    if (m) fill(m, text ? notice(text, 'success') : null, extra || null);
  };
  const officerChoices = [{value: '', label: '—'}, ...officers.map((o) => ({value: o.id, label: o.name}))];
  const accountRows = accounts.items.map((a) => {
    const role = select(ROLES.map((r) => ({value: r, label: label('role', r)})), a.role, {'aria-label': t('accounts.role_of', {login: a.login}), class: 'compact'});
    const self = session() && session().login === a.login;
    return row([
      a.login, a.name || '', role, a.officerId ? (officers.find((o) => o.id === a.officerId) || {name: a.officerId}).name : '—',
      a.disabled ? t('accounts.disabled') : t('accounts.active'),
      h('div', {class: 'row-actions'},
        h('button', {type: 'button', class: 'secondary compact', on: {click: () => change(a.login, {role: role.value}, messages, reload)}}, t('accounts.change_role')),
        self ? null : h('button', {type: 'button', class: 'secondary compact', on: {click: () => change(a.login, {disabled: !a.disabled}, messages, reload)}}, a.disabled ? t('accounts.enable') : t('accounts.disable')),
        self ? null : h('button', {type: 'button', class: 'danger compact', on: {click: async () => {
          if (!window.confirm(t('common.confirm_delete', {name: a.login}))) return;
          try {
            await del('/accounts/' + encodeURIComponent(a.login));
            await reload(t('common.deleted'));
          } catch (err) {
            fill(messages, failure(err));
          }
        }}}, t('common.delete'))),
    ], {dataset: {login: a.login}});
  });
  const tokenRows = tokens.items.map((k) => row([k.name, label('role', k.role), k.createdAt ? when(k.createdAt) : '—',
    h('button', {type: 'button', class: 'danger compact', on: {click: async () => {
      if (!window.confirm(t('tokens.confirm_revoke', {name: k.name}))) return;
      try {
        await del('/tokens/' + encodeURIComponent(k.id));
        await reload(t('tokens.revoked'));
      } catch (err) {
        fill(messages, failure(err));
      }
    }}}, t('tokens.revoke'))]));

  fill(main,
    h('h1', {}, t('accounts.title')),
    messages,
    table(t('accounts.caption'), [t('field.login'), t('col.name'), t('col.role'), t('field.officer'), t('col.status'), t('col.actions')], accountRows, {id: 'accounts'}),
    accountForm(officerChoices, messages, reload),
    h('h2', {}, t('tokens.title')),
    tokenRows.length ? table(t('tokens.caption'), [t('col.name'), t('col.role'), t('col.created'), ''], tokenRows, {id: 'tokens'}) : h('p', {}, t('tokens.none')),
    tokenForm(messages, reload),
    h('h2', {}, t('audit.title')),
    await audit());
}

async function change(login, body, messages, reload) {
  try {
    await patch('/accounts/' + encodeURIComponent(login), body);
    await reload(t('common.saved'));
  } catch (err) {
    fill(messages, failure(err));
  }
}

function accountForm(officerChoices, messages, reload) {
  const login = h('input', {type: 'text', id: 'account-login', autocomplete: 'off', required: true, autocapitalize: 'none'});
  const name = h('input', {type: 'text', id: 'account-name', required: true});
  const role = select(ROLES.map((r) => ({value: r, label: label('role', r)})), 'viewer', {id: 'account-role'});
  const officer = select(officerChoices, '', {id: 'account-officer'});
  const password = h('input', {type: 'password', id: 'account-password', autocomplete: 'new-password', required: true, minlength: 12});
  const save = h('button', {type: 'submit', id: 'account-save'}, t('accounts.create'));
  return h('form', {class: 'card', id: 'account-form', on: {submit: async (e) => {
    e.preventDefault();
    const body = {login: login.value.trim(), name: name.value.trim(), role: role.value, password: password.value};
    if (officer.value) body.officerId = officer.value;
    save.disabled = true;
    try {
      await post('/accounts', body);
      await reload(t('accounts.created'));
    } catch (err) {
      save.disabled = false;
      fill(messages, failure(err));
    }
  }}},
  h('h2', {}, t('accounts.new')),
  h('div', {class: 'grid'}, field(t('field.login'), login), field(t('col.name'), name), field(t('col.role'), role),
    field(t('field.officer'), officer, t('accounts.officer_hint')), field(t('field.password'), password, t('accounts.password_hint'))),
  h('div', {class: 'actions'}, save));
}

function tokenForm(messages, reload) {
  const name = h('input', {type: 'text', id: 'token-name', required: true});
  const role = select(ROLES.map((r) => ({value: r, label: label('role', r)})), 'viewer', {id: 'token-role'});
  const save = h('button', {type: 'submit', id: 'token-save'}, t('tokens.create'));
  return h('form', {class: 'card', id: 'token-form', on: {submit: async (e) => {
    e.preventDefault();
    save.disabled = true;
    try {
      const made = await post('/tokens', {name: name.value.trim(), role: role.value});
      const shown = h('input', {type: 'text', readOnly: true, value: made.token, id: 'new-token', class: 'token'});
      await reload(null, h('div', {class: 'notice success', role: 'status'},
        h('p', {}, t('tokens.shown_once', {name: made.name})), field(t('tokens.value'), shown)));
    } catch (err) {
      save.disabled = false;
      fill(messages, failure(err));
    }
  }}},
  h('h2', {}, t('tokens.new')),
  h('div', {class: 'grid'}, field(t('col.name'), name), field(t('col.role'), role)),
  h('div', {class: 'actions'}, save));
}

async function audit() {
  try {
    const page = await get('/audit' + query({limit: 100}));
    return table(t('audit.caption'), [t('col.at'), t('col.actor'), t('col.method'), t('col.path'), t('col.status')],
      page.items.map((a) => row([h('time', {datetime: a.at}, when(a.at)), a.actor || '', a.method || '', h('code', {}, a.path || ''), String(a.status ?? '')])), {id: 'audit'});
  } catch (e) {
    return failure(e);
  }
}
