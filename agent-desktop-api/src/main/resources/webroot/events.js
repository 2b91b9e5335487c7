'use strict';
// The events WebSocket both pages keep open: the first frame authenticates, a dropped socket reconnects with
// back-off (500 ms doubling to 10 s), and only the server saying the session has ended (1008) stops it.
// The page passes what to do with each frame, how to read its current token, and what to do when the session ends;
// the element with id "link" shows whether the socket is up.
window.ctiEventSocket = function (onMessage, currentToken, onSessionEnded) {
  let socket = null;
  let retry = 0;
  const link = (up) => {
    const el = document.getElementById('link');
    el.textContent = up ? 'online' : 'offline';
    el.className = up ? 'link up' : 'link down';
  };
  function connect() {
    const token = currentToken();
    if (!token) { return; }
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/v1/events';
    socket = new WebSocket(url);
    socket.onopen = () => {
      retry = 0;
      link(true);
      socket.send(JSON.stringify({ type: 'auth', token: token }));
    };
    socket.onmessage = (ev) => onMessage(JSON.parse(ev.data));
    socket.onclose = (ev) => {
      link(false);
      if (ev.code === 1008 && /token|expired|authenticate/.test(ev.reason)) { onSessionEnded(); return; }
      if (currentToken()) { setTimeout(connect, Math.min(10000, 500 * Math.pow(2, retry++))); }
    };
  }
  return {
    connect: connect,
    close: () => { if (socket) { socket.close(); } },
  };
};
