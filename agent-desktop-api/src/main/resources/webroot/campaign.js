'use strict';
// The agent desktop's outbound campaign panel. A "campaignPreview" frame shows the lead, the campaign's script (its
// {firstName}, {lastName} and {agent} filled in) and a countdown to answerBy, with Dial and Skip (with a reason); a
// "campaignPreviewWithdrawn" hides it. A "campaignConnected" shows the script and lead with the disposition form: the
// campaign's choices, a value, a callback time when the choice is a callback, a warning when it records a do-not-call
// request. A "campaignCallbackDue" shows a notice. Everything from the server goes in as text (textContent), never HTML.
// The routes act for the signed-in agent only; the server says why when it refuses (the preview was withdrawn...).
// A "hello" (the socket came back) clears the panel: the server sends what is still open right after it, the same frames,
// so a preview or a call to dispose comes back and one that ended while the link was down does not; a disposition form
// shown again for the same attempt keeps what the agent had entered.
window.ctiCampaignDesk = function (api, log, agentName) {
  const $ = (id) => document.getElementById(id);
  let preview = null;
  let connected = null;
  let timer = null;
  let beforeHello = null;

  function fill(script, lead) {
    const names = { firstName: lead.firstName || '', lastName: lead.lastName || '', agent: agentName() };
    return String(script || '').replace(/\{(firstName|lastName|agent)\}/g, (all, key) => names[key]);
  }

  function error(text) { $('campaign-error').textContent = text || ''; }

  function showLead(name, lead, script, status) {
    $('campaign').hidden = false;
    $('campaign-name').textContent = name;
    $('campaign-status').textContent = status;
    const who = [lead.firstName, lead.lastName].filter((x) => x).join(' ') || 'Unknown name';
    $('campaign-lead').textContent = who + ' · ' + lead.phone;
    $('campaign-script').textContent = fill(script, lead);
    error('');
  }

  function stopTimer() {
    if (timer) { clearInterval(timer); timer = null; }
  }

  function hide() {
    stopTimer();
    preview = null;
    connected = null;
    $('campaign').hidden = true;
    $('campaign-preview').hidden = true;
    $('disposition-form').hidden = true;
  }

  function tick() {
    const left = Math.max(0, Math.round((Date.parse(preview.answerBy) - Date.now()) / 1000));
    $('preview-countdown').textContent = left + ' s';
  }

  function onPreview(msg) {
    hide();
    preview = msg;
    showLead(msg.campaignName, msg.lead, msg.script, msg.callbackId ? 'preview (callback)' : 'preview');
    $('campaign-preview').hidden = false;
    $('preview-skip-reason').value = '';
    tick();
    timer = setInterval(tick, 1000);
    log('campaign preview: ' + msg.campaignName + ', lead ' + msg.lead.leadId);
  }

  function onConnected(msg) {
    const again = beforeHello && beforeHello.campaignId === msg.campaignId && beforeHello.attemptId === msg.attemptId;
    beforeHello = null;
    const select = $('disposition-code');
    const code = select.value;
    hide();
    connected = msg;
    showLead(msg.campaignName, msg.lead, msg.script, 'connected');
    select.textContent = '';
    msg.dispositions.forEach((d, i) => {
      const o = document.createElement('option');
      o.value = String(i);
      o.textContent = d.label + (d.sale ? ' (sale)' : '');
      select.appendChild(o);
    });
    if (again) {
      select.value = code;
    } else {
      $('disposition-value').value = '';
      $('disposition-callback-at').value = '';
      $('disposition-callback-me').checked = true;
    }
    choiceChanged();
    $('disposition-form').hidden = false;
    log('campaign call connected: ' + msg.campaignName + ', attempt ' + msg.attemptId);
  }

  function choice() { return connected ? connected.dispositions[Number($('disposition-code').value)] : null; }

  function choiceChanged() {
    const c = choice();
    $('disposition-callback').hidden = !(c && c.callback);
    $('disposition-callback-at').required = !!(c && c.callback);
    $('disposition-dnc').hidden = !(c && c.dncRequest);
  }

  function decide(path, body, what) {
    const shown = preview;
    error('');
    return api(path, Object.assign({ campaignId: shown.campaignId, leadId: shown.lead.leadId }, body))
      .then(() => { log(what + ' lead ' + shown.lead.leadId); if (preview === shown) { hide(); } })
      .catch((e) => error(e.message));
  }

  $('preview-dial').addEventListener('click', () => { if (preview) { decide('/api/v1/agent/campaign/preview/dial', {}, 'dialled'); } });
  $('preview-skip').addEventListener('click', () => {
    if (!preview) { return; }
    const reason = $('preview-skip-reason').value.trim();
    if (!reason) { error('reason: say why you skip this lead'); return; }
    decide('/api/v1/agent/campaign/preview/skip', { reason: reason }, 'skipped');
  });
  $('disposition-code').addEventListener('change', choiceChanged);
  $('disposition-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const c = choice();
    if (!c) { return; }
    const call = connected;
    const body = { campaignId: call.campaignId, attemptId: call.attemptId, code: c.code };
    const value = $('disposition-value').value.trim();
    if (value) { body.value = Number(value); }
    if (c.callback) {
      const at = $('disposition-callback-at').value;
      if (!at) { error('callback.at: when should the lead be called back?'); return; }
      body.callback = { at: new Date(at).toISOString(), toMe: $('disposition-callback-me').checked };
    }
    error('');
    api('/api/v1/agent/campaign/disposition', body)
      .then(() => { log('disposed attempt ' + call.attemptId + ' as ' + c.code); if (connected === call) { hide(); } })
      .catch((e) => error(e.message));
  });

  return function onMessage(msg) {
    switch (msg.type) {
      case 'hello':
        beforeHello = connected;
        hide();
        return false; // the desktop reads its state from it too
      case 'campaignPreview':
        onPreview(msg);
        return true;
      case 'campaignPreviewWithdrawn':
        if (preview && preview.campaignId === msg.campaignId && preview.lead.leadId === msg.leadId) { hide(); }
        log('preview of lead ' + msg.leadId + ' withdrawn: ' + msg.reason);
        return true;
      case 'campaignConnected':
        onConnected(msg);
        return true;
      case 'campaignCallbackDue': {
        const who = [msg.lead.firstName, msg.lead.lastName].filter((x) => x).join(' ') || msg.lead.phone;
        $('campaign-notice').textContent = 'Callback due ' + new Date(msg.dueAt).toLocaleString() + ': ' + who + ' (' +
          msg.lead.phone + ')' + (msg.toAgent ? ', for you' : ', from the pool');
        $('campaign-notice').hidden = false;
        log('callback due for lead ' + msg.lead.leadId);
        return true;
      }
      default:
        return false;
    }
  };
};
