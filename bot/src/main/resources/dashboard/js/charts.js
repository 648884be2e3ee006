// Accessible SVG charts drawn by hand: each is an image with a title and a description, every bar
// and point carries its value as a tooltip, and a table of the same figures follows it.

import {h, s, uid, table, row} from './dom.js';
import {number} from './i18n.js';

// Colours that stay apart for the common kinds of colour blindness (Okabe and Ito), dark enough
// against white for 3:1.
export const COLOURS = ['#0072B2', '#D55E00', '#007A5E', '#A6541C', '#7B3F9E', '#B8860B', '#1F6F8B', '#555555'];

const WIDTH = 640;

function frame(title, description, height, parts) {
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  return s('svg', {viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: 'chart', preserveAspectRatio: 'xMinYMin meet'},
    s('title', {id: titleId}, title),
    s('desc', {id: descId}, description),
    parts);
}

/** Horizontal bars, one per item [{label, value}], for answers to a question. */
export function hbars(title, items, opts) {
  const o = opts || {};
  const rowH = 30;
  const labelW = 190;
  const height = Math.max(1, items.length) * rowH + 10;
  const max = Math.max(1, ...items.map((i) => i.value));
  const total = items.reduce((a, i) => a + i.value, 0);
  const bars = items.map((item, n) => {
    const y = 5 + n * rowH;
    const w = Math.round(((WIDTH - labelW - 70) * item.value) / max);
    const share = total ? Math.round((item.value * 100) / total) : 0;
    const text = `${item.label}: ${number(item.value)}${o.percent ? ` (${share}%)` : ''}`;
    return s('g', {class: 'bar'},
      s('text', {x: labelW - 8, y: y + rowH / 2 + 5, 'text-anchor': 'end', class: 'axis-label'}, clip(item.label, 26)),
      s('rect', {x: labelW, y: y + 4, width: Math.max(w, item.value ? 2 : 0), height: rowH - 10, fill: item.colour || COLOURS[0], 'data-value': item.value},
        s('title', {}, text)),
      s('text', {x: labelW + w + 6, y: y + rowH / 2 + 5, class: 'value-label'}, number(item.value) + (o.percent ? ` (${share}%)` : '')));
  });
  const description = items.map((i) => `${i.label}: ${number(i.value)}`).join('; ');
  return h('figure', {class: 'figure'}, frame(title, description, height, bars), h('figcaption', {}, title));
}

/**
 * Columns per period, stacked by series [{name, values: [per period]}], for counts over time; with
 * a legend and a table of the figures.
 */
export function columns(title, periods, series, opts) {
  const o = opts || {};
  const height = 260;
  const top = 10;
  const bottom = 50;
  const left = 44;
  const plotH = height - top - bottom;
  const totals = periods.map((_, i) => series.reduce((a, sr) => a + (sr.values[i] || 0), 0));
  const max = niceMax(Math.max(1, ...totals));
  const step = (WIDTH - left - 10) / Math.max(1, periods.length);
  const barW = Math.max(3, Math.min(40, step * 0.7));
  const parts = [axis(left, top, plotH, max)];
  periods.forEach((p, i) => {
    let y = top + plotH;
    const x = left + i * step + (step - barW) / 2;
    series.forEach((sr, k) => {
      const v = sr.values[i] || 0;
      if (!v) return;
      const hgt = (plotH * v) / max;
      y -= hgt;
      parts.push(s('rect', {x: x.toFixed(1), y: y.toFixed(1), width: barW.toFixed(1), height: hgt.toFixed(1), fill: COLOURS[k % COLOURS.length], class: 'bar', 'data-value': v},
        s('title', {}, `${p} · ${sr.name}: ${number(v)}`)));
    });
    if (periods.length <= 16 || i % Math.ceil(periods.length / 16) === 0) {
      parts.push(s('text', {x: (x + barW / 2).toFixed(1), y: height - bottom + 16, 'text-anchor': 'middle', class: 'axis-label small'}, shortPeriod(p)));
    }
  });
  const description = periods.map((p, i) => `${p}: ${number(totals[i])}`).join('; ');
  return h('figure', {class: 'figure'},
    frame(title, description, height, parts),
    h('figcaption', {}, title),
    legend(series),
    o.table === false ? null : figures(title, o.periodHeader || '', periods, series));
}

/** Lines per series over the periods, for medians; a missing value breaks the line. */
export function lines(title, periods, series, opts) {
  const o = opts || {};
  const height = 240;
  const top = 10;
  const bottom = 50;
  const left = 56;
  const plotH = height - top - bottom;
  const all = series.flatMap((sr) => sr.values.filter((v) => v !== null && v !== undefined));
  const max = niceMax(Math.max(1, ...all));
  const step = (WIDTH - left - 20) / Math.max(1, periods.length - 1 || 1);
  const parts = [axis(left, top, plotH, max, o.format)];
  series.forEach((sr, k) => {
    let path = '';
    sr.values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const x = left + i * step;
      const y = top + plotH - (plotH * v) / max;
      path += (path && sr.values[i - 1] !== null && sr.values[i - 1] !== undefined ? ' L' : ' M') + x.toFixed(1) + ' ' + y.toFixed(1);
      parts.push(s('circle', {cx: x.toFixed(1), cy: y.toFixed(1), r: 4, fill: COLOURS[k % COLOURS.length], class: 'point'},
        s('title', {}, `${periods[i]} · ${sr.name}: ${o.format ? o.format(v) : number(v)}`)));
    });
    if (path) parts.unshift(s('path', {d: path.trim(), fill: 'none', stroke: COLOURS[k % COLOURS.length], 'stroke-width': 2}));
  });
  periods.forEach((p, i) => {
    if (periods.length <= 16 || i % Math.ceil(periods.length / 16) === 0) {
      parts.push(s('text', {x: (left + i * step).toFixed(1), y: height - bottom + 16, 'text-anchor': 'middle', class: 'axis-label small'}, shortPeriod(p)));
    }
  });
  const description = series.map((sr) => `${sr.name}: ` + periods.map((p, i) => `${p} ${sr.values[i] ?? '—'}`).join(', ')).join('; ');
  return h('figure', {class: 'figure'},
    frame(title, description, height, parts),
    h('figcaption', {}, title),
    legend(series),
    o.table === false ? null : figures(title, o.periodHeader || '', periods, series, o.format));
}

function axis(left, top, plotH, max, format) {
  const ticks = [0, max / 2, max];
  return s('g', {class: 'axis'},
    s('line', {x1: left, y1: top, x2: left, y2: top + plotH, stroke: '#555'}),
    s('line', {x1: left, y1: top + plotH, x2: WIDTH - 10, y2: top + plotH, stroke: '#555'}),
    ticks.map((v) => s('text', {x: left - 6, y: top + plotH - (plotH * v) / max + 4, 'text-anchor': 'end', class: 'axis-label small'}, format ? format(v) : number(Math.round(v)))));
}

function legend(series) {
  if (series.length < 2 && !(series[0] && series[0].name)) return null;
  return h('ul', {class: 'legend'}, series.map((sr, k) =>
    h('li', {}, s('svg', {width: 14, height: 14, 'aria-hidden': 'true', focusable: 'false'}, s('rect', {width: 14, height: 14, fill: COLOURS[k % COLOURS.length]})), ' ', sr.name)));
}

function figures(title, periodHeader, periods, series, format) {
  return h('details', {class: 'figures'},
    h('summary', {}, title),
    table(title, [periodHeader, ...series.map((sr) => sr.name)],
      periods.map((p, i) => row([p, ...series.map((sr) => (sr.values[i] === null || sr.values[i] === undefined ? '—' : format ? format(sr.values[i]) : number(sr.values[i])))]))));
}

function niceMax(v) {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * p >= v) return m * p;
  }
  return v;
}

function shortPeriod(p) {
  return String(p).replace(/^\d{4}-(W\d\d)$/, '$1');
}

function clip(text, n) {
  const str = String(text);
  return str.length > n ? str.slice(0, n - 1) + '…' : str;
}
