// The historical reports page: pick a range and interval, see the tables, download each as CSV.
// Every cell is set with textContent, never as HTML.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let token = sessionStorage.getItem('cti.token');

  const REPORTS = [
    { id: 'queues', title: 'Queues by interval and tier', path: 'queues', params: (f) => ({ interval: f.interval, serviceLevelSeconds: f.sl }) },
    { id: 'agents', title: 'Agents', path: 'agents', params: () => ({ table: 'agents' }) },
    { id: 'states', title: 'Agent time per state (seconds)', path: 'agents', params: () => ({ table: 'states' }) },
    { id: 'fcr', title: 'First-contact resolution and transfers', path: 'fcr', params: (f) => ({ windowHours: f.window }) },
    { id: 'satisfaction', title: 'Satisfaction index by agent, queue and tier', path: 'satisfaction-history', params: (f) => ({ interval: f.interval }) }
  ];

  function show(signedIn) {
    $('login-panel').hidden = signedIn;
    $('report-panel').hidden = !signedIn;
    const user = JSON.parse(sessionStorage.getItem('cti.user') || 'null');
    $('who').textContent = signedIn && user ? user.name + ' (' + user.role + ')' : '';
  }

  function utc(localValue) {
    // datetime-local has no zone: the page asks for UTC, as the bins are in UTC
    return localValue.length === 16 ? localValue + ':00Z' : localValue + 'Z';
  }

  function query(base, extra) {
    const all = Object.assign({}, base, extra);
    return Object.keys(all).map((k) => encodeURIComponent(k) + '=' + encodeURIComponent(all[k])).join('&');
  }

  async function fetchReport(path, qs, csv) {
    const res = await fetch('/api/v1/reports/' + path + '?' + qs + (csv ? '&format=csv' : ''),
      { headers: { Authorization: 'Bearer ' + token } });
    if (res.status === 401) { signOut('session ended, please log in again'); throw new Error('signed out'); }
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      throw new Error((body.field ? body.field + ': ' : '') + (body.error || res.statusText));
    }
    return csv ? res.blob() : res.json();
  }

  function table(rows) {
    if (!rows.length) {
      const p = document.createElement('p');
      p.className = 'empty';
      p.textContent = 'No data in this range.';
      return p;
    }
    const t = document.createElement('table');
    const head = t.createTHead().insertRow();
    const columns = Object.keys(rows[0]);
    columns.forEach((c) => { const th = document.createElement('th'); th.textContent = c; head.appendChild(th); });
    const body = t.createTBody();
    rows.forEach((r) => {
      const tr = body.insertRow();
      columns.forEach((c) => {
        const td = tr.insertCell();
        const v = r[c];
        if (typeof v === 'number') {
          td.textContent = Number.isInteger(v) ? String(v) : v.toFixed(2);
        } else {
          td.textContent = v === null || v === undefined ? '' : String(v);
          td.className = 'text';
        }
      });
    });
    return t;
  }

  async function run(ev) {
    ev.preventDefault();
    $('report-error').textContent = '';
    const form = { interval: $('interval').value, sl: $('sl').value, window: $('window').value };
    const base = { from: utc($('from').value), to: utc($('to').value) };
    const out = $('reports');
    out.textContent = '';
    for (const r of REPORTS) {
      const qs = query(base, r.params(form));
      const box = document.createElement('div');
      box.className = 'report';
      box.id = 'report-' + r.id;
      const h = document.createElement('h2');
      h.textContent = r.title;
      const download = document.createElement('button');
      download.type = 'button';
      download.textContent = 'CSV';
      download.className = 'csv';
      download.addEventListener('click', async () => {
        try {
          const blob = await fetchReport(r.path, qs, true);
          const a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = r.id + '.csv';
          a.click();
          URL.revokeObjectURL(a.href);
        } catch (e) { $('report-error').textContent = e.message; }
      });
      h.appendChild(download);
      box.appendChild(h);
      out.appendChild(box);
      try {
        const data = await fetchReport(r.path, qs, false);
        box.appendChild(table(data.rows));
      } catch (e) {
        $('report-error').textContent = e.message;
        return;
      }
    }
  }

  function signOut(message) {
    token = null;
    sessionStorage.removeItem('cti.token');
    sessionStorage.removeItem('cti.user');
    $('login-error').textContent = message || '';
    show(false);
  }

  $('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('login-error').textContent = '';
    const res = await fetch('/api/v1/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: $('user').value, password: $('password').value }) });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) { $('login-error').textContent = data.error || 'login failed'; return; }
    token = data.token;
    sessionStorage.setItem('cti.token', token);
    sessionStorage.setItem('cti.user', JSON.stringify(data.user || { name: $('user').value, role: '' }));
    show(true);
  });
  $('range-form').addEventListener('submit', run);
  $('logout').addEventListener('click', () => {
    fetch('/api/v1/logout', { method: 'POST', headers: { Authorization: 'Bearer ' + token } }).finally(() => signOut());
  });

  // Yesterday and today, in UTC, to start with.
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  const start = new Date(today.getTime() - 86400000);
  const end = new Date(today.getTime() + 86400000);
  $('from').value = start.toISOString().slice(0, 16);
  $('to').value = end.toISOString().slice(0, 16);
  show(Boolean(token));
}());
