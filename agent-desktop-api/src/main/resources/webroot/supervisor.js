// Supervisor page: a wallboard per queue and tier and the agents of the supervisor's team, kept live by "wallboard"
// frames on the events WebSocket (the server pushes on change, at most once a second; the page never polls). On every
// (re)connect the page refetches GET /api/v1/queues and /api/v1/agents, so a dropped link never leaves stale figures.
// Campaign figures: GET /api/v1/campaigns/figures on (re)connect, then "campaigns" frames (supervisor-campaigns.js).
// Clocks tick locally: longest wait and time in state count on from the server's "at", whatever this machine's clock says.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const ORDER = ['READY', 'RESERVED', 'RINGING', 'ON_CALL', 'ON_HOLD', 'WRAP_UP', 'NOT_READY', 'LOGGED_OUT'];
  let token = sessionStorage.getItem('cti.token');
  let user = JSON.parse(sessionStorage.getItem('cti.user') || 'null');
  // The newest data applied, by the server's instant, so a slow REST answer never overwrites a newer frame.
  let queuesAt = '';
  let agentsAt = '';
  let queues = [];
  let agents = [];
  let queuesSeenAt = Date.now();
  let serverOffset = 0; // server clock minus this machine's, from the last agents list

  function privileged(u) { return u && (u.role === 'SUPERVISOR' || u.role === 'ADMIN'); }

  function show(signedIn) {
    $('login-panel').hidden = signedIn;
    $('board-panel').hidden = !signedIn;
    if (signedIn) { $('me').textContent = user.name + ' (' + user.id + ', ' + user.role.toLowerCase() + ')'; }
  }

  async function api(method, path, body) {
    const res = await fetch(path, {
      method: method,
      headers: Object.assign({ 'Content-Type': 'application/json' }, token ? { Authorization: 'Bearer ' + token } : {}),
      body: method === 'GET' ? undefined : JSON.stringify(body || {})
    });
    const data = res.status === 204 ? {} : await res.json();
    if (res.status === 401 && path !== '/api/v1/login') { signOut('session ended, please log in again'); }
    if (!res.ok) { throw new Error(data.error || res.statusText); }
    return data;
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function duration(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const pad = (n) => String(n).padStart(2, '0');
    return (h > 0 ? h + ':' + pad(m) : m) + ':' + pad(s % 60);
  }

  function pct(v) { return v === null || v === undefined ? '–' : Math.round(v) + '%'; }
  function secs(v) { return v === null || v === undefined ? '–' : Math.round(v) + ' s'; }

  // ---- wallboard ---------------------------------------------------------------------------------

  function card(name) {
    let c = $('queue-' + name);
    if (c) { return c; }
    c = el('article', 'queue-card');
    c.id = 'queue-' + name;
    c.appendChild(el('h3', null, name));
    const figures = el('div', 'figures');
    [['waiting', 'waiting'], ['longest', 'longest wait'], ['sl', 'service level'], ['asa', 'ASA'], ['abandon', 'abandoned'],
      ['offered', 'offered']].forEach(([key, label]) => {
      const f = el('div', 'figure');
      const b = el('b');
      b.id = key + '-' + name;
      f.appendChild(b);
      f.appendChild(el('span', null, label));
      figures.appendChild(f);
    });
    c.appendChild(figures);
    const byState = el('div', 'by-state');
    byState.id = 'states-' + name;
    c.appendChild(byState);
    const tiers = el('table');
    tiers.innerHTML = '<thead><tr><th>Tier</th><th>Waiting</th><th>Longest</th><th>SL</th><th>ASA</th><th>Abandoned</th></tr></thead>';
    const body = el('tbody');
    body.id = 'tiers-' + name;
    tiers.appendChild(body);
    c.appendChild(tiers);
    $('wallboard').appendChild(c);
    return c;
  }

  function renderQueues() {
    const since = (Date.now() - queuesSeenAt) / 1000;
    queues.forEach((q) => {
      const c = card(q.queue);
      const longest = q.callsWaiting > 0 ? q.longestWaitSeconds + since : 0;
      $('waiting-' + q.queue).textContent = q.callsWaiting;
      $('longest-' + q.queue).textContent = duration(longest);
      $('sl-' + q.queue).textContent = pct(q.window.serviceLevelPercent);
      $('asa-' + q.queue).textContent = secs(q.window.asaSeconds);
      $('abandon-' + q.queue).textContent = pct(q.window.abandonRatePercent);
      $('offered-' + q.queue).textContent = q.window.offered;
      const late = Object.values(q.tiers).some((t) => t.callsWaiting > 0 && t.longestWaitSeconds + since > t.targetSeconds);
      c.className = 'queue-card' + (late ? ' late' : q.callsWaiting > 0 ? ' busy' : '');
      $('states-' + q.queue).textContent = ORDER.filter((s) => q.agentsByState[s])
        .map((s) => s.toLowerCase().replace('_', ' ') + ' ' + q.agentsByState[s]).join(' · ') || 'no agents logged in';
      const body = $('tiers-' + q.queue);
      body.textContent = '';
      Object.keys(q.tiers).sort().forEach((name) => {
        const t = q.tiers[name];
        const tr = el('tr');
        [name, t.callsWaiting, duration(t.callsWaiting > 0 ? t.longestWaitSeconds + since : 0),
          pct(t.window.serviceLevelPercent) + ' / ' + t.targetPercent + '% in ' + t.targetSeconds + ' s',
          secs(t.window.asaSeconds), pct(t.window.abandonRatePercent)].forEach((v) => tr.appendChild(el('td', null, String(v))));
        body.appendChild(tr);
      });
    });
  }

  // ---- agents ------------------------------------------------------------------------------------

  const ACTIONS = [['listen', 'Listen'], ['whisper', 'Whisper'], ['barge', 'Barge'], ['not-ready', 'Not ready'],
    ['logout', 'Log out'], ['move', 'Queues…']];

  function row(a) {
    let tr = $('agent-' + a.agentId);
    if (tr) { return tr; }
    tr = el('tr');
    tr.id = 'agent-' + a.agentId;
    tr.appendChild(el('td', null, a.name + ' (' + a.agentId + ')'));
    [['state', 'state'], ['time', 'time'], ['call', 'call'], ['queues', 'queues'], ['phone', 'phone']].forEach(([key, cls]) => {
      const td = el('td', cls);
      td.id = key + '-' + a.agentId;
      tr.appendChild(td);
    });
    const actions = el('td', 'actions');
    ACTIONS.forEach(([action, label]) => {
      const b = el('button', null, label);
      b.id = action + '-' + a.agentId;
      b.dataset.agent = a.agentId;
      b.dataset.action = action;
      actions.appendChild(b);
    });
    tr.appendChild(actions);
    $('agents').tBodies[0].appendChild(tr);
    return tr;
  }

  function renderAgents() {
    const now = Date.now() + serverOffset;
    const seen = new Set();
    agents.forEach((a) => {
      seen.add('agent-' + a.agentId);
      const tr = row(a);
      tr.className = a.state;
      $('state-' + a.agentId).textContent = a.state + (a.reason ? ' (' + a.reason + ')' : '');
      $('time-' + a.agentId).textContent = duration((now - Date.parse(a.since)) / 1000);
      $('call-' + a.agentId).textContent = a.callId || '';
      $('queues-' + a.agentId).textContent = Object.keys(a.queues).map((q) => q + ' ' + a.queues[q]).join(', ');
      $('phone-' + a.agentId).textContent = a.extension ? 'desk ' + a.extension : '';
      const onCall = a.state === 'ON_CALL';
      ['listen', 'whisper', 'barge'].forEach((m) => { $(m + '-' + a.agentId).disabled = !onCall; });
    });
    Array.from($('agents').tBodies[0].rows).filter((tr) => !seen.has(tr.id)).forEach((tr) => tr.remove());
  }

  // ---- applying data -----------------------------------------------------------------------------

  function applyQueues(list) {
    const at = list.length > 0 ? list[0].at : '';
    if (at < queuesAt) { return; }
    queuesAt = at;
    queues = list;
    queuesSeenAt = Date.now();
    renderQueues();
  }

  function applyAgents(at, list) {
    if (at < agentsAt) { return; }
    agentsAt = at;
    agents = list;
    serverOffset = Date.parse(at) - Date.now();
    $('updated').textContent = new Date().toLocaleTimeString();
    renderAgents();
  }

  function replaceAgent(a) {
    agents = agents.map((x) => (x.agentId === a.agentId ? a : x));
    renderAgents();
  }

  const renderCampaigns = window.ctiCampaignBoard($('campaigns'));

  async function resync() {
    api('GET', '/api/v1/campaigns/figures').then((f) => renderCampaigns(f.campaigns))
      .catch((e) => { $('board-error').textContent = 'could not load the campaigns: ' + e.message; });
    try {
      const [q, a] = await Promise.all([api('GET', '/api/v1/queues'), api('GET', '/api/v1/agents')]);
      applyQueues(q.queues);
      applyAgents(a.at, a.agents);
    } catch (e) {
      $('board-error').textContent = 'could not load the wallboard: ' + e.message;
    }
  }

  function onMessage(msg) {
    if (msg.type === 'hello') {
      resync();
    } else if (msg.type === 'wallboard') {
      applyQueues(msg.queues);
      applyAgents(msg.at, msg.agents);
    } else if (msg.type === 'campaigns') {
      renderCampaigns(msg.campaigns);
    } else if (msg.type === 'error') {
      $('board-error').textContent = msg.field + ': ' + msg.error;
    }
  }

  const events = window.ctiEventSocket((msg) => onMessage(msg), () => token,
    () => signOut('session ended, please log in again'));
  const connect = events.connect;

  function signOut(message) {
    token = null;
    sessionStorage.removeItem('cti.token');
    events.close();
    show(false);
    $('login-error').textContent = message || '';
  }

  // ---- actions -----------------------------------------------------------------------------------

  function openMove(agentId) {
    const a = agents.find((x) => x.agentId === agentId);
    $('move-agent').textContent = a.name + ' (' + agentId + ')';
    $('move-error').textContent = '';
    const box = $('move-queues');
    box.textContent = '';
    queues.forEach((q) => {
      const label = el('label', null, q.queue);
      const input = el('input');
      input.type = 'number';
      input.min = '1';
      input.max = '100';
      input.id = 'move-' + q.queue;
      input.dataset.queue = q.queue;
      input.value = a.queues[q.queue] || '';
      label.appendChild(input);
      box.appendChild(label);
    });
    $('move-dialog').dataset.agent = agentId;
    $('move-dialog').showModal();
  }

  async function saveMove() {
    const agentId = $('move-dialog').dataset.agent;
    const wanted = {};
    box().forEach((input) => { if (input.value !== '') { wanted[input.dataset.queue] = Number(input.value); } });
    try {
      replaceAgent(await api('POST', '/api/v1/agents/' + encodeURIComponent(agentId) + '/queues', { queues: wanted }));
      $('move-dialog').close();
      $('board-status').textContent = agentId + ' now serves ' + Object.keys(wanted).join(', ');
    } catch (e) {
      $('move-error').textContent = e.message;
    }
  }

  function box() { return Array.from($('move-queues').querySelectorAll('input')); }

  async function act(agentId, action) {
    $('board-error').textContent = '';
    $('board-status').textContent = action + ' ' + agentId + '…';
    try {
      const body = action === 'not-ready' ? { reason: 'set by supervisor' } : {};
      const r = await api('POST', '/api/v1/agents/' + encodeURIComponent(agentId) + '/' + action, body);
      $('board-status').textContent = r.mode ? 'your phone is in ' + r.mode.toLowerCase() + ' on ' + agentId + "'s call"
        : agentId + ' is now ' + r.state;
    } catch (e) {
      $('board-status').textContent = '';
      $('board-error').textContent = action + ' ' + agentId + ': ' + e.message;
    }
  }

  $('agents').addEventListener('click', (ev) => {
    const b = ev.target.closest('button');
    if (!b) { return; }
    if (b.dataset.action === 'move') { openMove(b.dataset.agent); } else { act(b.dataset.agent, b.dataset.action); }
  });
  $('move-form').addEventListener('submit', (ev) => { ev.preventDefault(); saveMove(); });
  $('move-cancel').addEventListener('click', () => $('move-dialog').close());

  $('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('login-error').textContent = '';
    try {
      const data = await api('POST', '/api/v1/login', { user: $('user').value, password: $('password').value });
      if (!privileged(data.user)) {
        token = data.token;
        await api('POST', '/api/v1/logout').catch(() => {});
        token = null;
        $('login-error').textContent = 'this page is for supervisors and admins';
        return;
      }
      token = data.token;
      user = data.user;
      sessionStorage.setItem('cti.token', token);
      sessionStorage.setItem('cti.user', JSON.stringify(user));
      show(true);
      connect();
    } catch (e) {
      $('login-error').textContent = e.message;
    }
  });
  $('logout').addEventListener('click', () => api('POST', '/api/v1/logout').finally(() => signOut()));

  // The clocks on the page tick between frames.
  setInterval(() => { if (token) { renderQueues(); renderAgents(); } }, 1000);

  if (token && privileged(user)) { show(true); connect(); } else { show(false); }
}());
