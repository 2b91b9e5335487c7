// The agent's desk beyond the call: which phone they are at, finding a customer and dialing their number, and their
// scheduled callbacks. Talks to the server through window.ctiDesk (desktop.js) and follows its frames ('cti:frame')
// and the records it shows ('cti:record').
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const desk = () => window.ctiDesk;
  const fail = (e) => desk().error(e.message);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  function showExtension(extension, last) {
    $('my-extension').textContent = extension ? 'desk ' + extension : 'your own';
    if (!$('move-extension').value && (extension || last)) { $('move-extension').value = extension || last; }
  }

  function button(text, className, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  function dial(body) {
    desk().error('');
    return desk().request('POST', '/api/v1/agent/dial', body).then((r) => { $('dial-status').textContent = 'dialing ' + r.number; })
      .catch(fail);
  }

  /** The numbers of a customer's record as buttons: click to dial, or to fill the callback form. */
  function numbers(customer) {
    const line = document.createElement('div');
    line.className = 'numbers';
    (customer.phoneNumbers || []).forEach((n) => {
      line.appendChild(button('Call ' + n, 'dial', () => dial({ customerId: customer.id, number: n })));
      line.appendChild(button('Callback', 'plan', () => prefill(n, customer.id)));
    });
    return line;
  }

  function prefill(number, customerId) {
    $('cb-number').value = number || '';
    $('cb-customer').value = customerId || '';
  }

  document.addEventListener('cti:record', (ev) => {
    const c = ev.detail;
    if (c.id) {
      $('pop').appendChild(numbers(c));
      prefill((c.phoneNumbers || [])[0], c.id);
    } else {
      prefill(c.number, null);
    }
  });

  $('extension-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    desk().error('');
    const extension = $('move-extension').value.trim();
    desk().request('POST', '/api/v1/agent/extension', { extension: extension }).then(() => {
      localStorage.setItem('cti.extension', extension);
      showExtension(extension, null);
    }).catch(fail);
  });

  $('find-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    desk().error('');
    desk().request('GET', '/api/v1/customers?q=' + encodeURIComponent($('find').value.trim()) + '&limit=10').then((r) => {
      const list = $('found');
      list.textContent = '';
      r.customers.forEach((c) => {
        const li = document.createElement('li');
        li.textContent = c.name + (c.accountNumber ? ' · ' + c.accountNumber : '') + ' ';
        li.appendChild(numbers(c));
        list.appendChild(li);
      });
      if (!r.customers.length) { list.textContent = 'nobody found'; }
    }).catch(fail);
  });
  $('dial-typed').addEventListener('click', () => dial({ number: $('dial-number').value.trim() }));

  // ---- my callbacks ----------------------------------------------------------------------------

  function loadCallbacks() {
    desk().request('GET', '/api/v1/callbacks').then((r) => {
      const list = $('callbacks');
      list.textContent = '';
      r.callbacks.forEach((c) => {
        const li = document.createElement('li');
        li.className = 'callback ' + c.status.toLowerCase();
        li.dataset.id = c.id;
        li.textContent = c.localDueAt.replace('T', ' ') + ' (' + c.timeZone + ') ' + c.number + ' · ' +
          (c.assignTo === 'me' ? 'to me' : 'to ' + c.queue) + (c.note ? ' · ' + c.note : '') +
          (c.status === 'ACTIVE' ? ' · calling now' : '') + ' ';
        if (c.status === 'PENDING') {
          const when = document.createElement('input');
          when.type = 'datetime-local';
          when.setAttribute('aria-label', 'Move to');
          li.appendChild(when);
          li.appendChild(button('Move', 'move', () => desk().request('PATCH', '/api/v1/callbacks/' + c.id,
            { dueAt: when.value, timeZone: zone }).then(loadCallbacks).catch(fail)));
          li.appendChild(button('Cancel', 'cancel', () => desk().request('DELETE', '/api/v1/callbacks/' + c.id)
            .then(loadCallbacks).catch(fail)));
        }
        list.appendChild(li);
      });
    }).catch(fail);
  }

  $('callback-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    desk().error('');
    const body = { number: $('cb-number').value.trim(), dueAt: $('cb-due').value, timeZone: zone,
      assignTo: $('cb-assign').value, note: $('cb-note').value.trim() };
    if ($('cb-customer').value) { body.customerId = Number($('cb-customer').value); }
    desk().request('POST', '/api/v1/callbacks', body).then(() => { $('cb-note').value = ''; loadCallbacks(); }).catch(fail);
  });

  document.addEventListener('cti:frame', (ev) => {
    const msg = ev.detail;
    if (msg.type === 'hello') {
      showExtension(msg.extension, msg.lastExtension);
      loadCallbacks();
    } else if (msg.type === 'callbacks') {
      loadCallbacks();
    } else if (msg.type === 'callEnded') {
      $('dial-status').textContent = '';
    }
  });
}());
