// The logs page: the emulator's recent API requests from GET /__admin/kaicalls/requests (newest first;
// bodies arrive with secrets already masked), polled every 2 s. An emulator without that route gets a
// clear message instead of an empty table.
(function () {
  'use strict';
  var pages = window.KaiCallsPages;
  var el = pages.el;
  var time = pages.time;
  var say = pages.statusLine(document.getElementById('status'));
  var list = document.getElementById('requests');
  var shown = {};     // request log entry id -> node
  var missing = false;

  function byId(id) { return document.getElementById(id); }

  function statusClass(status) {
    return status >= 500 ? 'failed' : status >= 400 ? 'warn' : 'succeeded';
  }

  function entryNode(entry) {
    var node = el('details', 'request');
    node.setAttribute('data-request-id', entry.request_id);
    node.setAttribute('data-log-id', entry.id);
    var line = el('summary', 'log-grid');
    line.appendChild(el('span', null, time(entry.time)));
    line.appendChild(el('strong', 'method', entry.method));
    line.appendChild(el('code', 'path', entry.path + (entry.query ? '?' + entry.query : '')));
    line.appendChild(el('span', 'badge ' + statusClass(entry.status), entry.status));
    line.appendChild(el('code', 'key-id', entry.key_id || '—'));
    line.appendChild(el('code', 'request-id', entry.request_id));
    var idem = el('span', 'idempotency');
    if (entry.idempotency_key) {
      // The badge goes first so a long key, cut to the column, never hides it.
      if (entry.idempotent_replayed) { idem.appendChild(el('span', 'badge replayed', 'replayed')); }
      idem.appendChild(el('code', 'idempotency-key', entry.idempotency_key));
    } else {
      idem.textContent = '—';
    }
    line.appendChild(idem);
    line.appendChild(el('span', null, entry.duration_ms + ' ms'));
    node.appendChild(line);
    var inside = el('div', 'inside columns');
    var sent = el('div');
    sent.appendChild(el('h5', null, 'Request body'));
    sent.appendChild(pages.jsonBlock(entry.request_body));
    inside.appendChild(sent);
    var answer = el('div');
    answer.appendChild(el('h5', null, 'Response body (' + entry.status + ')'));
    answer.appendChild(pages.jsonBlock(entry.response_body));
    inside.appendChild(answer);
    if (entry.truncated) { inside.appendChild(el('p', 'lead small', 'Bodies were cut to the request log\'s limit.')); }
    var facts = el('dl', 'facts');
    [['Request id', entry.request_id], ['Idempotency key', entry.idempotency_key
      ? entry.idempotency_key + (entry.idempotent_replayed ? ' (replayed: the stored response was sent again)' : ' (first use)') : null],
     ['Key', entry.key_id], ['Workspace', entry.workspace_id]].concat(entry.id === entry.request_id ? [] : [['Log entry', entry.id]])
      .forEach(function (fact) {
      facts.appendChild(el('dt', null, fact[0]));
      facts.appendChild(el('dd', null, fact[1] || '—'));
    });
    inside.insertBefore(facts, inside.firstChild);
    node.appendChild(inside);
    return node;
  }

  function refresh() {
    if (missing || !byId('live').checked) { return Promise.resolve(); }
    // A log smaller than the chosen count (--request-log-size) refuses it: then read the route's default.
    var limit = byId('log-limit').value;
    return pages.admin('GET', '/__admin/kaicalls/requests?limit=' + encodeURIComponent(limit))
      .catch(function (e) {
        if (e.status !== 400) { throw e; }
        return pages.admin('GET', '/__admin/kaicalls/requests');
      })
      .then(function (page) {
        var keep = {};
        var previous = null;
        page.data.forEach(function (entry) {
          var node = shown[entry.id] || entryNode(entry);
          shown[entry.id] = node;
          keep[entry.id] = true;
          // Newest first: put each entry right after the one before it, leaving open ones in place.
          var at = previous ? previous.nextSibling : list.firstChild;
          if (at !== node) { list.insertBefore(node, at); }
          previous = node;
        });
        Object.keys(shown).forEach(function (id) {
          if (!keep[id]) { list.removeChild(shown[id]); delete shown[id]; }
        });
        byId('no-requests').hidden = page.data.length > 0;
        say('', null);
      })
      .catch(function (e) {
        if (e.status === 404) {
          missing = true;
          say('This emulator does not keep a request log: GET /__admin/kaicalls/requests answered 404. '
            + 'Run a mock-server that has it (issue 15) to see API requests here.', 'error');
          document.body.setAttribute('data-log', 'unavailable');
          return;
        }
        say('Could not read the request log: ' + e.message, 'error');
      });
  }

  byId('log-limit').addEventListener('change', function () { refresh(); });
  refresh().then(function () {
    document.body.setAttribute('data-ready', 'true');
    pages.every(2000, function () { return Promise.all([pages.showClock(byId('clock')), refresh()]); });
  });
}());
