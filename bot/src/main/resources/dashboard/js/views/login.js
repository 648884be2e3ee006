import {h, fill, field, notice} from '../dom.js';
import {api} from '../api.js';
import {t} from '../i18n.js';
import {signedIn} from '../app.js';

/** The sign-in form; too many failures are slowed down by the API (429). */
export function loginView(main, expired) {
  const login = h('input', {type: 'text', name: 'login', id: 'login', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false'});
  const password = h('input', {type: 'password', name: 'password', id: 'password', autocomplete: 'current-password', required: true});
  const message = h('div', {class: 'messages', 'aria-live': 'assertive'});
  const button = h('button', {type: 'submit', id: 'sign-in'}, t('login.submit'));
  const form = h('form', {class: 'card narrow', novalidate: true, on: {submit: async (e) => {
    e.preventDefault();
    if (!login.value.trim() || !password.value) {
      fill(message, notice(t('login.missing'), 'error'));
      return;
    }
    button.disabled = true;
    try {
      const session = await api('POST', '/session', {login: login.value.trim(), password: password.value});
      signedIn(session);
    } catch (err) {
      password.value = '';
      fill(message, notice(err.status === 429 ? t('login.throttled') : err.status === 401 ? t('login.failed') : t('common.error', {reason: err.message}), 'error'));
      password.focus();
    } finally {
      button.disabled = false;
    }
  }}},
  h('h1', {}, t('login.title')),
  h('p', {}, t('login.intro')),
  expired ? notice(t('login.expired'), 'info') : null,
  message,
  field(t('login.login'), login),
  field(t('login.password'), password),
  h('div', {class: 'actions'}, button));
  fill(main, form);
  login.focus();
}
