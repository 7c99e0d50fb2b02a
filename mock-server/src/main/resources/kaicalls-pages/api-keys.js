// The API keys page: lists, mints and revokes one workspace's keys through /v1/api-keys. With the
// emulator's agency key it offers the agency and each of its client workspaces (GET /v1/workspaces);
// for a client it acts with KaiCalls-Workspace, so a key is minted into that client and the table
// lists that client's keys. Without an agency key, the demo key and its workspace. It never offers
// to revoke a key the pages themselves use.
(function () {
  'use strict';
  var pages = window.KaiCallsPages;
  var form = document.getElementById('mint-form');
  var tbody = document.querySelector('#keys tbody');
  var status = document.getElementById('status');
  var select = document.getElementById('workspace-select');
  var pageKeyIds = {};
  var workspaces = [];
  // The workspace shown: { id, name, kind, call } where call is the API caller acting in it.
  var current = null;

  var say = pages.statusLine(status);
  var time = pages.time;
  var el = pages.el;

  function cell(row, content) {
    var td = document.createElement('td');
    if (content instanceof Node) { td.appendChild(content); } else { td.textContent = content; }
    row.appendChild(td);
    return td;
  }

  function render(keys) {
    tbody.textContent = '';
    keys.forEach(function (key) {
      var row = document.createElement('tr');
      row.setAttribute('data-key-id', key.id);
      row.className = key.status;
      cell(row, key.name);
      cell(row, el('code', null, key.prefix + '…' + key.last4));
      var scopes = el('div', 'scopes');
      key.scopes.forEach(function (s) { scopes.appendChild(el('code', null, s)); });
      cell(row, scopes);
      cell(row, time(key.created_at));
      cell(row, time(key.last_used_at));
      cell(row, el('span', 'badge ' + key.status, key.status));
      if (pageKeyIds[key.id]) {
        cell(row, el('span', 'lead', 'used by these pages'));
      } else if (key.status === 'active') {
        cell(row, revokeButton(key));
      } else {
        cell(row, '');
      }
      tbody.appendChild(row);
    });
  }

  // Two clicks: "Revoke", then "Confirm revoke" within five seconds.
  function revokeButton(key) {
    var button = el('button', 'danger revoke', 'Revoke');
    button.type = 'button';
    return pages.confirmClicks(button, 'Confirm revoke', function () {
      button.disabled = true;
      current.call('POST', '/v1/api-keys/' + encodeURIComponent(key.id) + '/revoke')
        .then(function () { say('Revoked ' + key.name + '.', 'ok'); return refresh(); })
        .catch(function (e) { button.disabled = false; say('Could not revoke: ' + e.message, 'error'); });
    });
  }

  function refresh() {
    var shown = current;
    return pages.listAll('/v1/api-keys', shown.call)
      .then(function (keys) { if (shown === current) { render(keys); } })
      .catch(function (e) { say('Could not list keys: ' + e.message, 'error'); });
  }

  function show(workspace) {
    current = workspace;
    document.getElementById('workspace').textContent = workspace.name + ' (' + workspace.id + ')';
    document.getElementById('new-key').hidden = true;
    tbody.textContent = '';
    return refresh();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var name = document.getElementById('key-name').value.trim();
    var scopes = Array.prototype.map.call(form.querySelectorAll('input[name="scope"]:checked'), function (c) { return c.value; });
    if (!name) { say('Give the key a name.', 'error'); return; }
    if (scopes.length === 0) { say('Choose at least one scope.', 'error'); return; }
    var submit = document.getElementById('mint');
    submit.disabled = true;
    var into = current;
    into.call('POST', '/v1/api-keys', { name: name, scopes: scopes })
      .then(function (key) {
        document.getElementById('new-key-name').textContent = key.name;
        document.getElementById('new-secret').textContent = key.secret;
        document.getElementById('new-key').hidden = false;
        form.reset();
        say('Created ' + key.name + ' (' + key.id + ') in ' + into.name + ' (' + key.workspace_id + ').', 'ok');
        return refresh();
      })
      .catch(function (e) { say('Could not create the key: ' + e.message, 'error'); })
      .then(function () { submit.disabled = false; });
  });

  document.getElementById('copy-secret').addEventListener('click', function (event) {
    pages.copy(document.getElementById('new-secret').textContent, event.target);
  });

  select.addEventListener('change', function () {
    show(workspaces[Number(select.value)]);
  });

  // The workspace a key calls in, as the page lists it; its key's id is one the page never revokes.
  function workspaceOf(key) {
    var call = pages.apiAs(key, null);
    return call('GET', '/v1/me').then(function (me) {
      pageKeyIds[me.key_id] = true;
      return { id: me.workspace_id, name: me.workspace_name, kind: me.workspace_kind, call: call };
    });
  }

  // The agency and its clients, or [] when there is no agency key (or it cannot be used).
  function agencyWorkspaces(agencyKey) {
    if (!agencyKey) { return Promise.resolve([]); }
    return workspaceOf(agencyKey).then(function (agency) {
      return pages.listAll('/v1/workspaces', agency.call).then(function (clients) {
        return [agency].concat(clients.map(function (client) {
          return { id: client.id, name: client.name, kind: client.kind, call: pages.apiAs(agencyKey, client.id) };
        }));
      });
    }).catch(function (e) {
      say('Showing the demo workspace only: the agency key could not list its clients (' + e.message + ').', 'error');
      return [];
    });
  }

  function offer(list, demo) {
    workspaces = list.length > 0 ? list : [demo];
    select.textContent = '';
    var chosen = 0;
    workspaces.forEach(function (w, i) {
      var option = el('option', null, w.name + ' · ' + (w.kind || 'workspace') + ' · ' + w.id);
      option.value = String(i);
      option.setAttribute('data-workspace-id', w.id);
      select.appendChild(option);
      if (w.id === demo.id) { chosen = i; }
    });
    select.value = String(chosen);
    document.getElementById('workspace-picker').hidden = list.length === 0;
    return show(workspaces[chosen]);
  }

  Promise.all([pages.apiKey().then(workspaceOf), pages.agencyKey()])
    .then(function (found) {
      return agencyWorkspaces(found[1]).then(function (list) { return offer(list, found[0]); });
    })
    .catch(function (e) { say('Could not read the workspace: ' + e.message, 'error'); })
    .then(function () { document.body.setAttribute('data-ready', 'true'); });
}());
