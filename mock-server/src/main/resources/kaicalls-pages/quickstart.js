// Copy buttons on every snippet; fills in ids from this emulator (first agent, newest subscription).
(function () {
  'use strict';
  var pages = window.KaiCallsPages;

  document.querySelectorAll('.snippet').forEach(function (snippet) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = 'Copy';
    button.addEventListener('click', function () {
      pages.copy(snippet.querySelector('code').textContent, button);
    });
    snippet.appendChild(button);
  });

  function fill(selector, value) {
    document.querySelectorAll(selector).forEach(function (el) { el.textContent = value; });
  }

  Promise.all([
    pages.api('GET', '/v1/agents?limit=1').then(function (page) {
      if (page.data.length > 0) { fill('.agent-id', page.data[0].id); }
    }),
    pages.api('GET', '/v1/webhook-subscriptions?limit=1').then(function (page) {
      if (page.data.length > 0) { fill('.subscription-id', page.data[0].id); }
    })
  ]).catch(function (e) {
    document.getElementById('status').textContent = 'Could not read ids from the emulator: ' + e.message;
  }).then(function () {
    document.body.setAttribute('data-ready', 'true');
  });
}());
