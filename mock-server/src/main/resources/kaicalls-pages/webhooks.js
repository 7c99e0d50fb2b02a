// The webhooks page: the demo workspace's subscriptions and, for the selected one, its recent deliveries
// with every attempt. Everything goes through the public /v1 routes with the demo key; the page shows a
// signing secret only once, right after a rotation.
(function () {
  'use strict';
  var pages = window.KaiCallsPages;
  var el = pages.el;
  var time = pages.time;
  var say = pages.statusLine(document.getElementById('status'));
  var REASONS = {
    manual: 'disabled by you (PATCH enabled: false)',
    endpoint_gone: 'the endpoint answered 410 Gone',
    failing: 'every attempt failed for 5 days'
  };
  var subscriptions = [];
  var selectedId = new URLSearchParams(window.location.search).get('subscription');
  var events = {};          // event id -> promise of the event JSON (the body every attempt sent)
  var rendered = {};        // delivery id -> {node, json}

  function byId(id) { return document.getElementById(id); }

  function selected() {
    return subscriptions.filter(function (s) { return s.id === selectedId; })[0] || null;
  }

  function statusText(sub) {
    return sub.enabled ? 'enabled' : 'disabled: ' + (REASONS[sub.disabled_reason] || sub.disabled_reason || 'no reason given');
  }

  function secretText(sub) {
    var text = 'whsec_•••••••• (shown only when created or rotated)';
    if (sub.previous_secret_expires_at) {
      text += '; the previous secret also signs until ' + time(sub.previous_secret_expires_at);
    }
    return text;
  }

  function renderSubscriptions() {
    var tbody = document.querySelector('#subscriptions tbody');
    tbody.textContent = '';
    byId('no-subscriptions').hidden = subscriptions.length > 0;
    subscriptions.forEach(function (sub) {
      var row = el('tr', sub.id === selectedId ? 'selectable selected' : 'selectable');
      row.setAttribute('data-subscription-id', sub.id);
      row.tabIndex = 0;
      var link = el('td');
      link.appendChild(el('code', null, sub.url));
      row.appendChild(link);
      row.appendChild(el('td', null, sub.event_types.join(', ')));
      var state = el('td');
      state.appendChild(el('span', 'badge ' + (sub.enabled ? 'active' : 'revoked'), sub.enabled ? 'enabled' : 'disabled'));
      if (!sub.enabled) { state.appendChild(el('div', 'small', REASONS[sub.disabled_reason] || sub.disabled_reason)); }
      row.appendChild(state);
      row.appendChild(el('td', null, 'whsec_••••••••'));
      row.appendChild(el('td', null, time(sub.created_at)));
      row.addEventListener('click', function () { select(sub.id); });
      row.addEventListener('keydown', function (e) { if (e.key === 'Enter') { select(sub.id); } });
      tbody.appendChild(row);
    });
  }

  function renderSelected() {
    var sub = selected();
    byId('subscription').hidden = !sub;
    byId('deliveries-section').hidden = !sub;
    if (!sub) { return; }
    byId('subscription-url').textContent = sub.url;
    byId('subscription-id').textContent = sub.id;
    byId('subscription-description').textContent = sub.description || '—';
    byId('subscription-types').textContent = sub.event_types.join(', ');
    byId('subscription-status').textContent = statusText(sub);
    byId('subscription-secret').textContent = secretText(sub);
    byId('toggle-enabled').textContent = sub.enabled ? 'Disable' : 'Enable';
  }

  function select(id) {
    if (id !== selectedId) {
      hideSecret();
      selectedId = id;
      rendered = {};
      byId('deliveries').textContent = '';
      var url = new URL(window.location.href);
      url.searchParams.set('subscription', id);
      window.history.replaceState(null, '', url.toString());
    }
    renderSubscriptions();
    renderSelected();
    return refreshDeliveries();
  }

  function refreshSubscriptions() {
    return pages.listAll('/v1/webhook-subscriptions').then(function (all) {
      subscriptions = all;
      if (!selected() && all.length > 0) { selectedId = all[0].id; }
      renderSubscriptions();
      renderSelected();
    });
  }

  function eventJson(eventId) {
    if (!events[eventId]) {
      events[eventId] = pages.api('GET', '/v1/events/' + encodeURIComponent(eventId))
        .catch(function (e) { delete events[eventId]; return 'Could not read the event: ' + e.message; });
    }
    return events[eventId];
  }

  function headersTable(headers) {
    if (!headers) { return el('p', 'lead', '(none)'); }
    var table = el('table', 'headers');
    Object.keys(headers).forEach(function (name) {
      var row = el('tr');
      row.appendChild(el('th', null, name));
      row.appendChild(el('td', null, headers[name]));
      table.appendChild(row);
    });
    return table;
  }

  function attemptResult(attempt) {
    if (attempt.error) { return attempt.response_status ? 'HTTP ' + attempt.response_status + ', ' + attempt.error : attempt.error; }
    return attempt.response_status ? 'HTTP ' + attempt.response_status : '—';
  }

  function attemptNode(delivery, attempt) {
    var ok = !attempt.error && attempt.response_status >= 200 && attempt.response_status < 300;
    var node = el('section', 'attempt ' + (ok ? 'ok' : 'failed'));
    node.setAttribute('data-attempt', attempt.attempt);
    var title = el('h4', null, 'Attempt ' + attempt.attempt + ' · ' + time(attempt.attempted_at) + ' · '
      + (attempt.duration_ms === null ? '—' : attempt.duration_ms + ' ms') + ' · ');
    title.appendChild(el('span', 'result', attemptResult(attempt)));
    node.appendChild(title);
    var columns = el('div', 'columns');
    var sent = el('div');
    sent.appendChild(el('h5', null, 'Request: POST ' + delivery.url));
    sent.appendChild(headersTable(attempt.request_headers));
    var body = el('details', 'request-body');
    body.appendChild(el('summary', 'small', '▸ Body: the event JSON'));
    sent.appendChild(body);
    eventJson(delivery.event_id).then(function (json) { body.appendChild(pages.jsonBlock(json)); });
    columns.appendChild(sent);
    var answer = el('div');
    answer.appendChild(el('h5', null, 'Response: ' + (attempt.response_status === null ? 'none' : attempt.response_status)));
    if (attempt.error) { answer.appendChild(el('p', 'error-text', 'Error: ' + attempt.error)); }
    if (attempt.response_status !== null) { answer.appendChild(headersTable(attempt.response_headers)); }
    answer.appendChild(el('p', 'lead small', 'Body (first 1 KB):'));
    answer.appendChild(pages.jsonBlock(attempt.response_body));
    columns.appendChild(answer);
    node.appendChild(columns);
    return node;
  }

  function summary(delivery) {
    var line = el('summary', 'delivery-grid');
    line.appendChild(el('span', null, time(delivery.created_at)));
    var what = el('span');
    what.appendChild(el('strong', null, delivery.event_type));
    what.appendChild(el('code', 'small', delivery.event_id));
    line.appendChild(what);
    line.appendChild(el('span', null, delivery.trigger));
    line.appendChild(el('span', 'badge ' + delivery.status, delivery.status));
    line.appendChild(el('span', 'attempt-count', delivery.attempt));
    line.appendChild(el('span', null, delivery.attempt === 0 ? 'not attempted yet' : attemptResult(delivery)));
    line.appendChild(el('span', 'next-retry', delivery.next_attempt_at ? time(delivery.next_attempt_at) : '—'));
    line.appendChild(el('span', 'small', delivery.id));
    return line;
  }

  function fillDelivery(node, delivery) {
    node.textContent = '';
    node.className = 'delivery ' + delivery.status;
    node.setAttribute('data-status', delivery.status);
    node.appendChild(summary(delivery));
    var inside = el('div', 'inside');
    if (delivery.attempts.length === 0) {
      inside.appendChild(el('p', 'lead', 'Not attempted yet.'));
    }
    delivery.attempts.forEach(function (attempt) { inside.appendChild(attemptNode(delivery, attempt)); });
    if (delivery.next_attempt_at) {
      inside.appendChild(el('p', 'next-attempt', 'Next attempt (' + (delivery.attempt + 1) + ') due at '
        + time(delivery.next_attempt_at) + '.'));
    }
    var actions = el('div', 'actions');
    actions.appendChild(pages.button('Replay this event', 'replay-delivery', function (e) {
      replay(delivery.event_id, e.target);
    }));
    inside.appendChild(actions);
    node.appendChild(inside);
  }

  function refreshDeliveries() {
    var sub = selected();
    if (!sub) { return Promise.resolve(); }
    var forId = sub.id;
    return pages.api('GET', '/v1/event-deliveries?limit=25&subscription_id=' + encodeURIComponent(forId))
      .then(function (page) {
        if (forId !== selectedId) { return; }
        var list = byId('deliveries');
        byId('no-deliveries').hidden = page.data.length > 0;
        page.data.forEach(function (delivery) {
          var json = JSON.stringify(delivery);
          var known = rendered[delivery.id];
          if (!known) {
            known = { node: el('details'), json: null };
            known.node.setAttribute('data-delivery-id', delivery.id);
            rendered[delivery.id] = known;
          }
          if (known.json !== json) { fillDelivery(known.node, delivery); known.json = json; }
          list.appendChild(known.node);  // moves it into API order, newest first
        });
      });
  }

  function hideSecret() {
    byId('new-secret').textContent = '';
    byId('new-secret-card').hidden = true;
  }

  function act(button, label, promise) {
    button.disabled = true;
    return promise
      .then(function (message) { say(message, 'ok'); return refreshSubscriptions().then(refreshDeliveries); })
      .catch(function (e) { say('Could not ' + label + ': ' + e.message, 'error'); })
      .then(function () { button.disabled = false; });
  }

  function replay(eventId, button) {
    var sub = selected();
    return act(button, 'replay ' + eventId, pages.api('POST', '/v1/events/' + encodeURIComponent(eventId) + '/replay',
      { subscription_id: sub.id }).then(function (list) {
      return 'Replayed ' + eventId + ': new delivery ' + list.data.map(function (d) { return d.id; }).join(', ') + '.';
    }));
  }

  byId('send-test').addEventListener('click', function (e) {
    var sub = selected();
    act(e.target, 'send a test event', pages.api('POST', '/v1/webhook-subscriptions/' + encodeURIComponent(sub.id) + '/test')
      .then(function (delivery) { return 'Test event sent: delivery ' + delivery.id + ' (' + delivery.event_id + ').'; }));
  });

  byId('toggle-enabled').addEventListener('click', function (e) {
    var sub = selected();
    act(e.target, sub.enabled ? 'disable' : 'enable', pages.api('PATCH', '/v1/webhook-subscriptions/' + encodeURIComponent(sub.id),
      { enabled: !sub.enabled }).then(function (updated) { return (updated.enabled ? 'Enabled ' : 'Disabled ') + updated.url + '.'; }));
  });

  // Two clicks, like revoking a key: the old secret stops verifying new deliveries after its grace period.
  var rotate = byId('rotate-secret');
  pages.confirmClicks(rotate, 'Confirm rotation', function () {
    var sub = selected();
    act(rotate, 'rotate the secret', pages.api('POST', '/v1/webhook-subscriptions/' + encodeURIComponent(sub.id) + '/rotate-secret')
      .then(function (rotated) {
        byId('new-secret').textContent = rotated.secret;
        byId('previous-expires').textContent = time(rotated.previous_secret_expires_at);
        byId('new-secret-card').hidden = false;
        return 'Rotated the signing secret of ' + rotated.url + '.';
      }));
  });
  byId('copy-secret').addEventListener('click', function (e) { pages.copy(byId('new-secret').textContent, e.target); });
  byId('hide-secret').addEventListener('click', hideSecret);

  byId('replay-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var id = byId('replay-event-id').value.trim();
    if (id) { replay(id, byId('replay')); }
  });

  refreshSubscriptions()
    .then(refreshDeliveries)
    .catch(function (e) { say('Could not read the subscriptions: ' + e.message, 'error'); })
    .then(function () {
      document.body.setAttribute('data-ready', 'true');
      pages.every(2000, function () { return Promise.all([pages.showClock(byId('clock')), refreshSubscriptions().then(refreshDeliveries)]); });
    });
}());
