// The events page: /v1/events with the type and time filters of the API, a run filter applied to what is
// read (events have no run parameter: an event belongs to a run when its object is the run or names it),
// each event's JSON and deliveries, and new events polled every 2 s while "Live" is on.
(function () {
  'use strict';
  var pages = window.KaiCallsPages;
  var el = pages.el;
  var time = pages.time;
  var say = pages.statusLine(document.getElementById('status'));
  var PAGE = 50;
  var RUN_SCAN_PAGES = 20;    // a run filter reads at most this many pages of 100 events per click
  var list = document.getElementById('events');
  var more = document.getElementById('more');
  var shown = {};             // event id -> node
  var cursor = null;
  var generation = 0;         // a new filter drops answers to older requests

  function byId(id) { return document.getElementById(id); }

  function rfc3339(local) {
    if (!local) { return null; }
    return (local.length === 16 ? local + ':00' : local) + 'Z';
  }

  function filters() {
    return {
      type: byId('filter-type').value,
      from: rfc3339(byId('filter-from').value),
      to: rfc3339(byId('filter-to').value),
      run: byId('filter-run').value.trim()
    };
  }

  function query(f, limit, after) {
    var q = ['limit=' + limit];
    if (f.type) { q.push('type=' + encodeURIComponent(f.type)); }
    if (after || f.from) { q.push('created_after=' + encodeURIComponent(after && (!f.from || after > f.from) ? after : f.from)); }
    if (f.to) { q.push('created_before=' + encodeURIComponent(f.to)); }
    return '/v1/events?' + q.join('&');
  }

  function inRun(event, run) {
    var object = event.data && event.data.object;
    return !run || (object && (object.id === run || object.run_id === run));
  }

  function deliveriesTable(deliveries) {
    if (deliveries.length === 0) { return el('p', 'lead', 'Not delivered to any subscription.'); }
    var table = el('table', 'deliveries');
    var head = el('tr');
    ['Delivery', 'Status', 'Attempts', 'Last response', 'Next retry'].forEach(function (h) {
      head.appendChild(el('th', null, h));
    });
    table.appendChild(head);
    deliveries.forEach(function (d) {
      var row = el('tr');
      row.setAttribute('data-delivery-id', d.id);
      var link = el('a', null, d.id);
      link.href = '/dashboard/developers/webhooks?subscription=' + encodeURIComponent(d.subscription_id);
      var first = el('td');
      first.appendChild(link);
      first.appendChild(el('span', 'small', d.trigger + ' → ' + d.url));
      row.appendChild(first);
      var status = el('td');
      status.appendChild(el('span', 'badge ' + d.status, d.status));
      row.appendChild(status);
      row.appendChild(el('td', null, d.attempt));
      row.appendChild(el('td', null, d.error || (d.response_status === null ? '—' : 'HTTP ' + d.response_status)));
      row.appendChild(el('td', null, time(d.next_attempt_at)));
      table.appendChild(row);
    });
    return table;
  }

  function loadDeliveries(event, box) {
    box.textContent = '';
    box.appendChild(el('p', 'lead', 'Reading deliveries…'));
    return pages.api('GET', '/v1/event-deliveries?limit=100&event_id=' + encodeURIComponent(event.id))
      .then(function (page) { box.textContent = ''; box.appendChild(deliveriesTable(page.data)); })
      .catch(function (e) { box.textContent = ''; box.appendChild(el('p', 'status error', 'Could not read deliveries: ' + e.message)); });
  }

  function eventNode(event, fresh) {
    var node = el('details', 'event' + (fresh ? ' new' : ''));
    node.setAttribute('data-event-id', event.id);
    node.setAttribute('data-created-at', event.created_at);
    var line = el('summary', 'event-grid');
    line.appendChild(el('span', null, time(event.created_at)));
    line.appendChild(el('strong', null, event.type));
    line.appendChild(el('code', null, event.id));
    var object = event.data && event.data.object;
    line.appendChild(el('span', 'small', object ? (object.object || '') + ' ' + (object.id || object.subscription_id || '') : ''));
    node.appendChild(line);
    var inside = el('div', 'inside columns');
    var json = el('div');
    json.appendChild(el('h5', null, 'Event JSON (the webhook body)'));
    json.appendChild(pages.jsonBlock(event));
    inside.appendChild(json);
    var side = el('div');
    side.appendChild(el('h5', null, 'Deliveries'));
    var box = el('div', 'event-deliveries');
    side.appendChild(box);
    var actions = el('div', 'actions');
    actions.appendChild(pages.button('Refresh deliveries', null, function () { loadDeliveries(event, box); }));
    actions.appendChild(pages.button('Replay to matching subscriptions', 'replay-event', function (e) {
      e.target.disabled = true;
      pages.api('POST', '/v1/events/' + encodeURIComponent(event.id) + '/replay', {})
        .then(function (created) {
          say('Replayed ' + event.id + ': ' + created.data.length + ' new deliver' + (created.data.length === 1 ? 'y' : 'ies') + '.', 'ok');
          return loadDeliveries(event, box);
        })
        .catch(function (err) { say('Could not replay ' + event.id + ': ' + err.message, 'error'); })
        .then(function () { e.target.disabled = false; });
    }));
    side.appendChild(actions);
    inside.appendChild(side);
    node.appendChild(inside);
    node.addEventListener('toggle', function () {
      if (node.open && !box.hasChildNodes()) { loadDeliveries(event, box); }
    });
    return node;
  }

  // Reads pages from `path` until `want` events of the run are found, the list ends or the scan bound is hit.
  function scan(path, f, want, pagesLeft, acc) {
    return pages.api('GET', path).then(function (page) {
      var found = acc.concat(page.data.filter(function (e) { return inRun(e, f.run); }));
      var next = page.has_more ? page.next_cursor : null;
      if (next && found.length < want && pagesLeft > 1) {
        return scan(query(f, f.run ? 100 : PAGE) + '&cursor=' + encodeURIComponent(next), f, want, pagesLeft - 1, found);
      }
      return { events: found, next: next };
    });
  }

  function load(reset) {
    var f = filters();
    var mine = reset ? ++generation : generation;
    if (reset) { list.textContent = ''; shown = {}; cursor = null; }
    var path = query(f, f.run ? 100 : PAGE) + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
    more.disabled = true;
    return scan(path, f, PAGE, f.run ? RUN_SCAN_PAGES : 1, []).then(function (result) {
      if (mine !== generation) { return; }
      result.events.forEach(function (event) {
        if (!shown[event.id]) { shown[event.id] = eventNode(event, false); list.appendChild(shown[event.id]); }
      });
      cursor = result.next;
      more.hidden = !cursor;
      more.disabled = false;
      byId('no-events').hidden = list.hasChildNodes();
      say(f.run && cursor ? 'Showing the events of ' + f.run + ' found so far; load older events to search further.' : '', null);
    }).catch(function (e) { say('Could not read events: ' + e.message, 'error'); });
  }

  // New events since the newest shown (created_after is inclusive, so ids already shown are skipped).
  function poll() {
    if (!byId('live').checked) { return Promise.resolve(); }
    var f = filters();
    var first = list.querySelector('details.event');
    var newest = first ? first.getAttribute('data-created-at') : null;
    var mine = generation;
    return pages.api('GET', query(f, 100, newest)).then(function (page) {
      if (mine !== generation) { return; }
      var fresh = page.data.filter(function (e) { return !shown[e.id] && inRun(e, f.run) && (!f.to || e.created_at < f.to); });
      fresh.reverse().forEach(function (event) {
        shown[event.id] = eventNode(event, true);
        list.insertBefore(shown[event.id], list.firstChild);
      });
      byId('no-events').hidden = list.hasChildNodes();
      if (page.has_more) { say('More than 100 events arrived at once: only the newest are shown. Apply to read them all.', null); }
    });
  }

  byId('filters').addEventListener('submit', function (e) { e.preventDefault(); load(true); });
  byId('clear').addEventListener('click', function () { byId('filters').reset(); byId('live').checked = true; load(true); });
  more.addEventListener('click', function () { load(false); });

  load(true).then(function () {
    document.body.setAttribute('data-ready', 'true');
    pages.every(2000, function () { return Promise.all([pages.showClock(byId('clock')), poll()]); });
  });
}());
