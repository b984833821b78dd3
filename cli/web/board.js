// The web board's entry point: sign-in with a token, the view for the
// token's role (a unit's own tasks, or the supervisor's and secretariat's
// overview), errors and notices, and the live event stream that keeps the
// view current without reloading.
import { Api, ApiError } from './api.js';
import { byTestId, clear, h } from './dom.js';
import { openEventStream } from './event_stream.js';
import { USER_ROLE, formatTime } from './labels.js';
import { SupervisorView } from './supervisor_view.js';
import { UnitView } from './unit_view.js';

const TOKEN_KEY = 'cvtrack.token';
const REFRESH_DELAY_MS = 250;  // events come in bursts (one per task of a document): refresh once

const page = {
  login: document.getElementById('login'),
  loginForm: document.getElementById('login-form'),
  tokenInput: document.getElementById('token-input'),
  session: document.getElementById('session'),
  who: byTestId('who'),
  live: byTestId('live-status'),
  updated: byTestId('last-updated'),
  logout: byTestId('logout'),
  errorBanner: byTestId('error-banner'),
  errorText: byTestId('error-text'),
  toast: byTestId('toast'),
  views: document.getElementById('views'),
};

let current = null;  // { api, me, view, stream }

// What the views share: the API, who is signed in, names of bodies and the
// documents' directives, and how to tell the user something.
class Context {
  constructor(api, me) {
    this.api = api;
    this.me = me;
    this.bodyNames = new Map([[me.body, me.body_name || me.body]]);
    this.documents = new Map();  // id -> the document's JSON (GET /api/documents/D1)
    this.pending = new Map();    // id -> its request, while under way
  }

  // Bodies' names as the server gives them (GET /api/stats lists them).
  rememberNames(names) {
    for (const [id, name] of Object.entries(names || {})) this.bodyNames.set(id, name);
  }

  bodyName(id) {
    return this.bodyNames.get(id) || id;
  }

  // The document's JSON, fetched once; `documents` holds those already here,
  // for views that render without waiting.
  documentOf(id) {
    if (this.documents.has(id)) return Promise.resolve(this.documents.get(id));
    if (!this.pending.has(id)) {
      this.pending.set(id, this.api.get(`/api/documents/${encodeURIComponent(id)}`)
        .then((doc) => {
          this.documents.set(id, doc);
          return doc;
        })
        .finally(() => this.pending.delete(id)));
    }
    return this.pending.get(id);
  }

  // The text of the directive a task comes from, when its document is known.
  async directiveText(task) {
    try {
      const doc = await this.documentOf(task.document);
      const row = (doc.directives || []).find((d) => d.path === task.directive);
      return row ? row.text : '';
    } catch {
      return '';
    }
  }

  showError(error) {
    showError(error);
  }

  notify(message) {
    page.toast.textContent = message;
    page.toast.hidden = false;
    clearTimeout(page.toast.timer);
    page.toast.timer = setTimeout(() => { page.toast.hidden = true; }, 4000);
  }
}

function showError(error) {
  if (error instanceof ApiError && error.status === 401 && current) signOut();
  const status = error instanceof ApiError && error.status ? ` (${error.status})` : '';
  page.errorText.textContent = `${error.message}${status}`;
  page.errorBanner.hidden = false;
}

function hideError() {
  page.errorBanner.hidden = true;
  page.errorText.textContent = '';
}

async function signIn(token) {
  hideError();
  const api = new Api(token);
  const me = await api.get('/api/me');
  sessionStorage.setItem(TOKEN_KEY, token);
  const context = new Context(api, me);
  const View = me.role === 'unit' ? UnitView : SupervisorView;
  const view = new View(context);
  current = { api, me, view, stream: null, changes: emptyChanges(), timer: null };

  page.login.hidden = true;
  page.session.hidden = false;
  clear(page.who).append(
    h('span', { class: 'who-name', dataset: { testid: 'who-body' } }, me.body_name || me.body || ''),
    h('span', { class: 'who-role', dataset: { testid: 'who-role' } }, USER_ROLE[me.role] || me.role));
  clear(page.views).append(view.element);
  document.title = `${me.body_name || me.body} — Theo dõi thực hiện văn bản chỉ đạo`;

  // The stream first, then the data: what changes while the data loads
  // arrives as an event and is refreshed, never lost between the two.
  current.stream = openEventStream({
    url: '/api/events', token, onEvent: onLiveEvent, onState: showLiveState,
  });
  await view.load();
  markUpdated();
}

function signOut() {
  if (current && current.stream) current.stream.close();
  if (current) clearTimeout(current.timer);
  current = null;
  sessionStorage.removeItem(TOKEN_KEY);
  clear(page.views);
  page.session.hidden = true;
  page.login.hidden = false;
  page.tokenInput.value = '';
  document.title = 'Theo dõi thực hiện văn bản chỉ đạo — cvtrack';
  page.tokenInput.focus();
}

function emptyChanges() {
  return { tasks: new Set(), documents: new Set(), all: false };
}

function onLiveEvent(event) {
  if (!current) return;
  const data = event.data || {};
  const changes = current.changes;
  const stream = String(data.stream || '');
  if (/^T\d/.test(stream)) changes.tasks.add(stream);
  if (data.document) changes.documents.add(data.document);
  if (/^D\d/.test(stream) || stream === 'register' || event.type === 'document_registered') changes.all = true;
  clearTimeout(current.timer);
  current.timer = setTimeout(applyChanges, REFRESH_DELAY_MS);
}

async function applyChanges() {
  if (!current) return;
  const { view } = current;
  const changes = current.changes;
  current.changes = emptyChanges();
  try {
    await view.refresh(changes);
    markUpdated();
  } catch (error) {
    showError(error);
  }
}

const LIVE_TEXT = {
  open: 'Đang cập nhật trực tiếp',
  connecting: 'Đang kết nối…',
  closed: 'Mất kết nối, đang thử lại…',
  refused: 'Luồng cập nhật bị từ chối',
};

function showLiveState(state) {
  page.live.dataset.state = state;
  page.live.textContent = LIVE_TEXT[state] || state;
  if (state !== 'open' || !current) return;
  // Connected again after a break: the stream resumes after the last event
  // seen, but reload the whole view in case the server could not resume.
  if (current.streamWasOpen) {
    current.changes.all = true;
    clearTimeout(current.timer);
    current.timer = setTimeout(applyChanges, REFRESH_DELAY_MS);
  }
  current.streamWasOpen = true;
}

function markUpdated() {
  page.updated.textContent = `Cập nhật lúc ${formatTime(new Date())}`;
}

page.loginForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = page.tokenInput.value.trim();
  if (!token) return;
  try {
    await signIn(token);
  } catch (error) {
    sessionStorage.removeItem(TOKEN_KEY);
    if (current) signOut();
    showError(error);
  }
});

page.logout.addEventListener('click', () => signOut());
byTestId('error-close').addEventListener('click', hideError);

const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) {
  signIn(saved).catch((error) => {
    signOut();
    showError(error);
  });
} else {
  page.login.hidden = false;
  page.tokenInput.focus();
}
