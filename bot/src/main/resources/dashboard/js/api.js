// Calls /api/v1 with the session cookie; every change carries the session's CSRF token.

let csrf = null;
let onSignedOut = () => {};

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function useSession(session, signedOut) {
  csrf = session ? session.csrf : null;
  if (signedOut) onSignedOut = signedOut;
}

/**
 * A call to the API: JSON in and out, or raw text with opts.contentType. A 401 on anything but the
 * session itself sends the staff member back to the sign-in page.
 */
export async function api(method, path, body, opts) {
  const o = opts || {};
  const headers = {Accept: o.accept || 'application/json'};
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = o.contentType || 'application/json';
    payload = o.contentType ? body : JSON.stringify(body);
  }
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  const res = await fetch('/api/v1' + path, {method, headers, body: payload, credentials: 'same-origin', cache: 'no-store'});
  if (res.status === 401 && !path.startsWith('/session')) onSignedOut(true);
  const type = res.headers.get('Content-Type') || '';
  let data = null;
  if (res.status !== 204) data = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) throw new ApiError(res.status, (data && data.error) || res.statusText || String(res.status));
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body, opts) => api('POST', path, body, opts);
export const patch = (path, body) => api('PATCH', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const text = q.toString();
  return text ? '?' + text : '';
}
