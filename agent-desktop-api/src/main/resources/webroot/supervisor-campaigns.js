'use strict';
// The supervisor page's campaigns table: one row per running campaign the server lets this user see (their team's, an
// admin's: all), from GET /api/v1/campaigns/figures on every (re)connect and the "campaigns" frames after that. Abandon
// rates over 3 % (the US 30-day and the UK 24-hour rules' limit) are shown red. Text only: names go in as textContent.
window.ctiCampaignBoard = function (table) {
  const LIMIT = 3;
  function cell(tr, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) { td.className = className; }
    tr.appendChild(td);
    return td;
  }
  function num(v, digits) { return v === null || v === undefined ? '–' : Number(v).toFixed(digits); }
  function rate(v) { return v === null || v === undefined ? '–' : Number(v).toFixed(1) + ' %'; }
  function over(v) { return v !== null && v !== undefined && v > LIMIT ? 'num over' : 'num'; }
  return function render(list) {
    const body = table.tBodies[0];
    body.textContent = '';
    table.hidden = false;
    if (list.length === 0) {
      const tr = document.createElement('tr');
      const td = cell(tr, 'No campaign of yours is running.', 'muted');
      td.colSpan = 11;
      body.appendChild(tr);
      return;
    }
    list.forEach((c) => {
      const tr = document.createElement('tr');
      tr.id = 'campaign-' + c.campaignId;
      cell(tr, c.name, 'name');
      cell(tr, c.mode);
      cell(tr, c.state, 'state');
      cell(tr, String(c.dials), 'num dials');
      cell(tr, String(c.connects), 'num connects');
      cell(tr, rate(c.abandonRateUs), over(c.abandonRateUs) + ' abandon-us');
      cell(tr, rate(c.abandonRateUk), over(c.abandonRateUk) + ' abandon-uk');
      cell(tr, num(c.talkMinutesPerAgentHour, 1), 'num');
      cell(tr, c.penetration === null || c.penetration === undefined ? '–' : num(c.penetration, 1) + ' %', 'num');
      cell(tr, String(c.leadsLeft), 'num');
      cell(tr, String(c.agentsWorking), 'num agents');
      body.appendChild(tr);
    });
  };
};
