// Builds the page from elements and text nodes only: resident text is never parsed as HTML.

const SVG = 'http://www.w3.org/2000/svg';

/** An element: h('a', {href: '#/x', class: 'b', on: {click: fn}}, 'text', child, [more]). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element, with attributes (never a style attribute). */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

const PROPS = new Set(['value', 'checked', 'disabled', 'selected', 'required', 'multiple', 'hidden', 'readOnly']);

function apply(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'on') {
      for (const [event, fn] of Object.entries(v)) el.addEventListener(event, fn);
    } else if (k === 'class') {
      el.className = Array.isArray(v) ? v.filter(Boolean).join(' ') : v;
    } else if (k === 'for') {
      el.htmlFor = v;
    } else if (k === 'dataset') {
      Object.assign(el.dataset, v);
    } else if (PROPS.has(k)) {
      el[k] = v;
    } else if (k === 'style' || k.startsWith('on')) {
      throw new Error('no inline style or handler attribute: ' + k);
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Empties an element and fills it again. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let ids = 0;
/** A fresh id for label and aria references. */
export function uid(prefix) {
  ids += 1;
  return (prefix || 'id') + '-' + ids;
}

/** A labelled field: a label above its control, and a hint when given. */
export function field(label, control, hint) {
  if (!control.id) control.id = uid('f');
  const parts = [h('label', {for: control.id}, label)];
  if (hint) {
    const hintId = uid('hint');
    control.setAttribute('aria-describedby', hintId);
    parts.push(h('p', {class: 'hint', id: hintId}, hint));
  }
  parts.push(control);
  return h('div', {class: 'field'}, parts);
}

/** A select with options [{value, label}], the current value selected. */
export function select(options, value, attrs) {
  return h('select', attrs || {},
    options.map((o) => h('option', {value: o.value, lang: o.lang, dir: o.dir, selected: String(o.value) === String(value ?? '')}, o.label)));
}

/** A table with a caption, column headers and rows of cells (text or nodes). */
export function table(caption, headers, rows, attrs) {
  return h('div', {class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption},
    h('table', attrs || {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', {scope: 'col'}, x)))),
      h('tbody', {}, rows)));
}

/** A row of cells; the first may be a row header. */
export function row(cells, attrs) {
  return h('tr', attrs || {}, cells.map((c) => h('td', {}, c)));
}

/** A message in a live region: status (polite) or alert. */
export function notice(text, kind) {
  return h('p', {class: ['notice', kind || 'info'], role: kind === 'error' ? 'alert' : 'status'}, text);
}

/** A phone number or chat id as the dashboard shows it: enough to tell two apart, never to dial. */
export function masked(address) {
  if (!address) return '—';
  const colon = address.lastIndexOf(':');
  const prefix = colon >= 0 ? address.slice(0, colon + 1) : '';
  const rest = colon >= 0 ? address.slice(colon + 1) : address;
  if (rest.includes('@')) return '***@' + rest.slice(rest.indexOf('@') + 1);
  if (rest.length <= 4) return prefix + '*'.repeat(rest.length);
  const keep = Math.min(Math.floor(rest.length / 3), rest.startsWith('+') ? 5 : 3);
  return prefix + rest.slice(0, keep) + '***' + rest.slice(-2);
}
