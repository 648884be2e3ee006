// The web simulator page. Its resident is the identity in the page's HttpOnly cookie, which this
// script never sees; "New resident" asks the server for another. Everything residents and the
// bot write is shown as text (textContent), never as HTML.
'use strict';

const chat = document.getElementById('chat');

function bubble(text, cls) {
  const d = document.createElement('div');
  d.className = 'msg ' + cls;
  d.dir = 'auto';
  d.textContent = text;
  chat.appendChild(d);
  chat.scrollTop = chat.scrollHeight;
  return d;
}

function meta(text) {
  const d = document.createElement('div');
  d.className = 'meta';
  d.textContent = text;
  chat.appendChild(d);
}

async function send(body, shown) {
  const lang = document.getElementById('language').value;
  if (lang) body.language = lang;
  bubble(shown, 'me');
  const res = await fetch('/api/simulator/messages', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body)
  });
  const data = await res.json();
  if (!res.ok) {
    meta('error ' + res.status + ': ' + data.error);
    return;
  }
  for (const r of data.replies) {
    const b = bubble(r.text, 'bot');
    if (r.options && r.options.length) {
      const opts = document.createElement('div');
      opts.className = 'options';
      for (const o of r.options) {
        const btn = document.createElement('button');
        btn.type = 'button';
        btn.textContent = o.label;
        btn.dir = 'auto';
        btn.addEventListener('click', () => send({text: '', choice: o.value}, o.label));
        opts.appendChild(btn);
      }
      b.appendChild(opts);
    }
  }
  const u = data.understood || {};
  meta(`${u.language || '?'} · ${u.intent || 'no intent'} (${(u.confidence || 0).toFixed(2)})` +
    `${u.emergency ? ' · EMERGENCY' : ''} · flow ${data.flow || '-'} / ${data.step || '-'}`);
}

document.getElementById('send').addEventListener('submit', e => {
  e.preventDefault();
  const t = document.getElementById('text');
  const text = t.value;
  t.value = '';
  send({text}, text);
});

document.getElementById('fresh').addEventListener('click', async () => {
  await fetch('/api/simulator/identity', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: '{}'
  });
  chat.replaceChildren();
});

async function poll() {
  try {
    const m = await (await fetch('/api/simulator/messages')).json();
    for (const msg of (m.messages || [])) bubble(msg.text, 'bot');
    const d = await (await fetch('/api/simulator/dry-run')).json();
    const dry = document.getElementById('dry');
    dry.replaceChildren();
    for (const msg of d.messages) {
      const div = document.createElement('div');
      div.dir = 'auto';
      div.textContent = `${msg.channel} → ${msg.to} [${msg.language}]: ${msg.text}`;
      dry.appendChild(div);
    }
  } catch (e) {
    // the server may be restarting
  }
  setTimeout(poll, 2000);
}
poll();
