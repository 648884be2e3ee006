// The dashboard's frame: who is signed in, the navigation their role allows, and one view per
// address (#/concerns, #/concerns/RIV-1042, #/meetings …).

import {h, fill, select, notice} from './dom.js';
import {api, useSession, ApiError} from './api.js';
import {t, label, loadLanguage, setLanguage, allLanguages, currentLanguage} from './i18n.js';
import {loginView} from './views/login.js';
import {concernsView} from './views/concerns.js';
import {caseView} from './views/case.js';
import {meetingsView} from './views/meetings.js';
import {surveysView} from './views/surveys.js';
import {trendsView} from './views/trends.js';
import {unrecognizedView} from './views/unrecognized.js';
import {consentView} from './views/consent.js';
import {officersView} from './views/officers.js';
import {accountsView} from './views/accounts.js';

/** The pages, in the navigation's order, and the roles that see each. */
const ALL = ['admin', 'liaison', 'complaint_intake', 'viewer'];
const PAGES = [
  {path: 'concerns', view: concernsView, roles: ALL},
  {path: 'trends', view: trendsView, roles: ALL},
  {path: 'meetings', view: meetingsView, roles: ALL},
  {path: 'surveys', view: surveysView, roles: ALL},
  {path: 'unrecognized', view: unrecognizedView, roles: ALL},
  {path: 'consent', view: consentView, roles: ALL},
  {path: 'officers', view: officersView, roles: ALL},
  {path: 'accounts', view: accountsView, roles: ['admin']},
];

/** What each role may change; the API decides in the end, this only hides what would be refused. */
const CHANGES = {
  admin: ['case', 'meetings', 'surveys', 'officers', 'accounts'],
  liaison: ['case', 'meetings', 'surveys'],
  complaint_intake: ['case'],
  viewer: [],
};

const state = {session: null};

export function session() {
  return state.session;
}

/** Whether the signed-in role may change things of this kind (case, meetings, surveys…). */
export function may(kind) {
  return !!state.session && (CHANGES[state.session.role] || []).includes(kind);
}

/** Shows an error from the API in place of the view or beside a form. */
export function failure(e) {
  if (e instanceof ApiError && e.status === 403) return notice(t('common.forbidden'), 'error');
  return notice(t('common.error', {reason: e.message}), 'error');
}

async function start() {
  await loadLanguage();
  document.getElementById('skip').textContent = t('nav.skip');
  document.title = t('app.name');
  useSession(null, signedOut);
  try {
    state.session = await api('GET', '/session');
    useSession(state.session, signedOut);
  } catch (e) {
    state.session = null;
  }
  window.addEventListener('hashchange', route);
  route();
}

function signedOut(expired) {
  state.session = null;
  useSession(null);
  if (expired) sessionStorage.setItem('beatline.expired', '1');
  if (location.hash !== '#/login') location.hash = '#/login';
  else route();
}

/** Called by the sign-in page once the session exists. */
export function signedIn(session) {
  state.session = session;
  useSession(session, signedOut);
  location.hash = '#/concerns';
}

async function signOut() {
  try {
    await api('DELETE', '/session');
  } finally {
    signedOut(false);
  }
}

function header() {
  const top = document.getElementById('top');
  const languages = select(allLanguages().map((l) => ({value: l.code, label: l.name, lang: l.code, dir: l.dir})), currentLanguage(), {
    id: 'language',
    class: 'compact',
    on: {change: (e) => { setLanguage(e.target.value); location.reload(); }},
  });
  const parts = [
    h('a', {class: 'brand', href: '#/concerns'}, t('app.name')),
    h('div', {class: 'language'}, h('label', {for: 'language', class: 'visually-hidden'}, t('nav.language')), languages),
  ];
  if (state.session) {
    const current = (location.hash.slice(2).split('/')[0]) || 'concerns';
    const links = PAGES.filter((p) => p.roles.includes(state.session.role)).map((p) =>
      h('li', {}, h('a', {href: '#/' + p.path, 'aria-current': p.path === current ? 'page' : null, id: 'nav-' + p.path}, t('nav.' + p.path))));
    parts.splice(1, 0, h('nav', {'aria-label': t('nav.label')}, h('ul', {}, links)));
    parts.push(h('div', {class: 'who'},
      h('span', {id: 'who'}, t('nav.signed_in', {name: state.session.name || state.session.login, role: label('role', state.session.role)})),
      h('button', {type: 'button', id: 'sign-out', class: 'secondary compact', on: {click: signOut}}, t('nav.sign_out'))));
  }
  fill(top, h('div', {class: 'bar-inner'}, parts));
}

async function route() {
  const main = document.getElementById('main');
  const [path, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  if (!state.session) {
    header();
    main.setAttribute('aria-busy', 'false');
    loginView(main, sessionStorage.getItem('beatline.expired') === '1');
    sessionStorage.removeItem('beatline.expired');
    return;
  }
  if (path === 'login' || path === '') {
    location.hash = '#/concerns';
    return;
  }
  header();
  const page = PAGES.find((p) => p.path === path && p.roles.includes(state.session.role));
  main.setAttribute('aria-busy', 'true');
  fill(main, h('p', {class: 'loading'}, t('common.loading')));
  try {
    if (path === 'concerns' && rest.length) {
      await caseView(main, decodeURIComponent(rest.join('/')));
    } else if (page) {
      await page.view(main, rest.map(decodeURIComponent));
    } else {
      fill(main, h('h1', {tabindex: '-1'}, t('common.not_found')), h('p', {}, h('a', {href: '#/concerns'}, t('nav.concerns'))));
    }
  } catch (e) {
    fill(main, h('h1', {tabindex: '-1'}, t('common.problem')), failure(e));
  }
  main.setAttribute('aria-busy', 'false');
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({preventScroll: false});
  }
}

start();
