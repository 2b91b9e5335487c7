// Agent desktop: signs in over REST, then listens on one WebSocket. Reconnects by itself and resyncs
// from the server's "hello" frame, so a dropped link never leaves a stale state on screen.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let token = sessionStorage.getItem('cti.token');
  let user = JSON.parse(sessionStorage.getItem('cti.user') || 'null');

  function show(signedIn) {
    $('login-panel').hidden = signedIn;
    $('desk-panel').hidden = !signedIn;
    if (signedIn) { $('me').textContent = user.name + ' (' + user.id + ')'; }
  }

  function logEvent(text) {
    const li = document.createElement('li');
    li.textContent = new Date().toLocaleTimeString() + ' ' + text;
    $('events').prepend(li);
  }

  /** Any method, with the token; the JSON answer, or an Error with the server's message. */
  async function request(method, path, body) {
    const res = await fetch(path, {
      method: method,
      headers: Object.assign({ 'Content-Type': 'application/json' }, token ? { Authorization: 'Bearer ' + token } : {}),
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const data = res.status === 204 ? {} : await res.json();
    if (!res.ok) { throw new Error(data.error || res.statusText); }
    return data;
  }

  async function api(path, body) {
    const res = await fetch(path, {
      method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json' }, token ? { Authorization: 'Bearer ' + token } : {}),
      body: JSON.stringify(body || {})
    });
    const data = res.status === 204 ? {} : await res.json();
    if (!res.ok) { throw new Error(data.error || res.statusText); }
    return data;
  }

  function setState(state, reason) {
    $('state').textContent = state;
    $('reason').textContent = reason ? '(' + reason + ')' : '';
  }

  /** What the caller told the IVR (intent, path, account checked...), so nobody asks again. */
  function renderCallData(data) {
    const keys = Object.keys(data || {});
    if (keys.length === 0) {
      return;
    }
    const table = document.createElement('dl');
    table.className = 'call-data';
    keys.forEach((k) => {
      const dt = document.createElement('dt');
      dt.textContent = k.replace(/^CTI_/, '').replace(/_/g, ' ').toLowerCase();
      const dd = document.createElement('dd');
      dd.textContent = data[k];
      table.appendChild(dt);
      table.appendChild(dd);
    });
    $('pop').appendChild(table);
  }

  function flag(text, kind) {
    const span = document.createElement('span');
    span.className = 'flag ' + kind;
    span.textContent = text;
    return span;
  }

  function renderPop(pop) {
    const box = $('pop');
    box.textContent = '';
    box.className = 'pop';
    const name = document.createElement('div');
    name.className = 'name';
    if (pop.customer) {
      name.textContent = pop.customer.name;
      if (pop.customer.tier) {
        const tier = document.createElement('span');
        tier.className = 'tier';
        tier.textContent = pop.customer.tier;
        name.appendChild(tier);
      }
      const c = pop.customer;
      if (c.vip) { name.appendChild(flag('VIP', 'vip')); }
      if (c.churnRisk) { name.appendChild(flag('churn risk', 'churn')); }
      box.appendChild(name);
      const acct = document.createElement('div');
      acct.textContent = 'Account ' + (c.accountNumber || '-') + ' · ' + pop.e164;
      box.appendChild(acct);
      // the 360 view: value, how to talk to them, what is still open
      const facts = [];
      if (c.lifetimeValue) { facts.push('Lifetime value ' + c.lifetimeValue); }
      if (c.preferredLanguage) { facts.push('Speaks ' + c.preferredLanguage); }
      if (c.preferredChannel) { facts.push('Prefers ' + c.preferredChannel); }
      if (c.accountManager) { facts.push('Account manager ' + c.accountManager); }
      facts.push((c.openComplaints || 0) + ' open complaint' + (c.openComplaints === 1 ? '' : 's') + ', ' +
        (c.openIssues || 0) + ' open issue' + (c.openIssues === 1 ? '' : 's'));
      const factLine = document.createElement('div');
      factLine.className = 'facts';
      factLine.textContent = facts.join(' · ');
      box.appendChild(factLine);
      if ((c.openCases || []).length) {
        const cases = document.createElement('ul');
        cases.className = 'cases';
        c.openCases.forEach((k) => {
          const li = document.createElement('li');
          li.className = k.kind;
          li.textContent = k.kind + ' since ' + k.openedAt.slice(0, 10) + ': ' + k.summary;
          cases.appendChild(li);
        });
        box.appendChild(cases);
      }
      const list = document.createElement('ul');
      (pop.customer.recentInteractions || []).forEach((i) => {
        const li = document.createElement('li');
        li.textContent = i.startedAt.slice(0, 16).replace('T', ' ') + ' ' + i.channel + ' ' + (i.queue || '') + ' ' +
          (i.disposition || '') + (i.ivrPath ? ' [IVR ' + i.ivrPath + ']' : '') + (i.notes ? ' — ' + i.notes : '');
        list.appendChild(li);
      });
      box.appendChild(list);
      document.dispatchEvent(new CustomEvent('cti:record', { detail: pop.customer }));
    } else {
      box.classList.add('unknown');
      name.textContent = pop.outcome === 'DEGRADED' ? 'Caller ' + (pop.e164 || pop.callerNumber) + ' (lookup too slow)'
        : pop.outcome === 'NO_NUMBER' ? 'Withheld number' : 'Unknown caller ' + pop.e164;
      box.appendChild(name);
      document.dispatchEvent(new CustomEvent('cti:record', { detail: { number: pop.e164 } }));
    }
  }

  /**
   * The wrap-up form: the queue's disposition codes come from the server with the call they are for, so a form is never
   * saved against another call. Shown when the call ends; the server keeps the last call for an hour.
   */
  let wrapUpCall = null;

  async function showWrapUp(callId) {
    const res = await fetch('/api/v1/agent/wrap-up', { headers: { Authorization: 'Bearer ' + token } });
    if (!res.ok) { return; }
    const form = await res.json();
    if (form.callId !== callId) { return; } // a call that never reached this agent (the caller hung up while it rang)
    wrapUpCall = form.callId;
    $('wrap-up-call').textContent = form.callId + ' (' + form.queue + ')';
    const select = $('wrap-up-disposition');
    select.textContent = '';
    const none = document.createElement('option');
    none.value = '';
    none.textContent = form.dispositions.length ? '(choose)' : '(notes only)';
    select.appendChild(none);
    form.dispositions.forEach((d) => {
      const o = document.createElement('option');
      o.value = d.code;
      o.textContent = d.label;
      select.appendChild(o);
    });
    select.value = form.disposition || '';
    select.disabled = form.dispositions.length === 0;
    $('wrap-up-notes').value = form.notes || '';
    $('wrap-up-saved').textContent = '';
    $('wrap-up-form').hidden = false;
  }

  async function saveWrapUp(finish) {
    const body = { callId: wrapUpCall, finish: finish };
    const disposition = $('wrap-up-disposition').value;
    const notes = $('wrap-up-notes').value.trim();
    if (disposition) { body.disposition = disposition; }
    if (notes) { body.notes = notes; }
    $('desk-error').textContent = '';
    try {
      await api('/api/v1/agent/wrap-up', body);
      $('wrap-up-saved').textContent = 'saved';
      if (finish) { $('wrap-up-form').hidden = true; }
    } catch (e) {
      $('desk-error').textContent = e.message;
    }
  }

  const onCampaign = window.ctiCampaignDesk(api, logEvent, () => (user ? user.name : ''));

  function onMessage(msg) {
    // desk.js follows the same frames (callbacks, the desk extension in hello)
    document.dispatchEvent(new CustomEvent('cti:frame', { detail: msg }));
    if (onCampaign(msg)) {
      return;
    }
    switch (msg.type) {
      case 'hello':
        setState(msg.state || 'LOGGED_OUT', msg.reason);
        logEvent('connected as ' + msg.userId);
        break;
      case 'agentState':
        setState(msg.state, msg.reason);
        logEvent('state ' + msg.state + (msg.reason ? ' (' + msg.reason + ')' : ''));
        break;
      case 'callOffered':
        $('call').hidden = false;
        $('wrap-up-form').hidden = true;
        $('call-id').textContent = msg.callId;
        $('call-status').textContent = 'offered';
        $('caller').textContent = msg.callerNumber || 'unknown';
        $('queue').textContent = msg.queue;
        $('pop').textContent = 'Looking up the caller…';
        logEvent('call offered from ' + msg.callerNumber);
        break;
      case 'screenPop':
        renderPop(msg.pop);
        renderCallData(msg.callData);
        logEvent('screen pop: ' + msg.pop.outcome + ' in ' + msg.pop.lookupMillis + ' ms');
        break;
      case 'callConnected':
        $('call-status').textContent = 'connected';
        logEvent('call connected');
        break;
      case 'callEnded':
        $('call-status').textContent = 'ended: ' + msg.outcome;
        logEvent('call ended: ' + msg.outcome);
        showWrapUp(msg.callId).catch((e) => { $('desk-error').textContent = e.message; });
        break;
      case 'error':
        $('desk-error').textContent = msg.field + ': ' + msg.error;
        break;
      default:
        break;
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

  $('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('login-error').textContent = '';
    try {
      const login = { user: $('user').value, password: $('password').value };
      if ($('extension').value.trim()) { login.extension = $('extension').value.trim(); }
      const data = await api('/api/v1/login', login);
      // the desk phone is offered again at the next login on this browser
      if (data.user.extension) { localStorage.setItem('cti.extension', data.user.extension); }
      token = data.token;
      user = data.user;
      sessionStorage.setItem('cti.token', token);
      sessionStorage.setItem('cti.user', JSON.stringify(user));
      if (user.role !== 'AGENT') { location.href = 'supervisor.html'; return; }
      show(true);
      connect();
    } catch (e) {
      $('login-error').textContent = e.message;
    }
  });
  $('ready').addEventListener('click', () => api('/api/v1/agent/ready').catch((e) => { $('desk-error').textContent = e.message; }));
  $('not-ready').addEventListener('click', () => api('/api/v1/agent/not-ready', { reason: 'break' })
    .catch((e) => { $('desk-error').textContent = e.message; }));
  $('hold').addEventListener('click', () => api('/api/v1/agent/hold').catch((e) => { $('desk-error').textContent = e.message; }));
  $('resume').addEventListener('click', () => api('/api/v1/agent/resume').catch((e) => { $('desk-error').textContent = e.message; }));
  $('finish-wrap-up').addEventListener('click', () => api('/api/v1/agent/wrap-up/finish')
    .catch((e) => { $('desk-error').textContent = e.message; }));
  // Transfers: the agent picks blind or attended and where to (queue, agent id, number); an attended transfer is then
  // completed, cancelled or turned into a conference. The server refuses what the state does not allow, with the reason.
  $('transfer-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const body = { kind: $('transfer-kind').value };
    body[$('transfer-to').value] = $('transfer-target').value.trim();
    const note = $('transfer-note').value.trim();
    if (note) { body.note = note; }
    $('desk-error').textContent = '';
    api('/api/v1/agent/transfer', body).then(() => { $('transfer-note').value = ''; })
      .catch((e) => { $('desk-error').textContent = e.message; });
  });
  [['transfer-complete', '/api/v1/agent/transfer/complete'], ['transfer-cancel', '/api/v1/agent/transfer/cancel'],
    ['conference', '/api/v1/agent/conference']].forEach(([id, path]) => $(id).addEventListener('click',
    () => api(path).catch((e) => { $('desk-error').textContent = e.message; })));
  $('wrap-up-form').addEventListener('submit', (ev) => { ev.preventDefault(); saveWrapUp(false); });
  $('wrap-up-save-ready').addEventListener('click', () => saveWrapUp(true));
  $('logout').addEventListener('click', () => api('/api/v1/logout').finally(() => signOut()));

  $('extension').value = localStorage.getItem('cti.extension') || '';
  window.ctiDesk = { request: request, error: (text) => { $('desk-error').textContent = text; } };
  if (token && user) { show(true); connect(); } else { show(false); }
}());
