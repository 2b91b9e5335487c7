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
    { id: 'satisfaction', title: 'Satisfaction index by agent, queue and tier', path: 'satisfaction-history', params: (f) => ({ interval: f.interval }) },
    { id: 'agent-states', title: 'Agent states over time (minutes per state and reason)', path: 'agent-states', params: (f) => ({ interval: f.interval }) },
    { id: 'campaigns', title: 'Campaign results', path: 'campaigns', params: (f) => ({ interval: f.interval, table: 'campaigns' }) },
    { id: 'campaign-dispositions', title: 'Campaign dispositions (count and value)', path: 'campaigns', params: (f) => ({ interval: f.interval, table: 'dispositions' }) }
  ];

  function show(signedIn) {
    $('login-panel').hidden = signedIn;
    $('report-panel').hidden = !signedIn;
    const user = JSON.parse(sessionStorage.getItem('cti.user') || 'null');
    $('who').textContent = signedIn && user ? user.name + ' (' + user.role + ')' : '';
  }

  function local(value) {
    // datetime-local has no zone: the server reads it on the report zone's wall clock, as it bins
    return value.length === 16 ? value + ':00' : value;
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
    const base = { from: local($('from').value), to: local($('to').value) };
    if ($('zone').value.trim()) { base.zone = $('zone').value.trim(); }
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

  // Yesterday and today, as dates (midnight in the report's zone), to start with.
  const day = (offset) => { const d = new Date(Date.now() + offset * 86400000); return d.toISOString().slice(0, 10) + 'T00:00'; };
  $('from').value = day(-1);
  $('to').value = day(1);
  show(Boolean(token));
}());
