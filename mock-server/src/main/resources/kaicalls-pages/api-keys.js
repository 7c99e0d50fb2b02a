// The API keys page: lists, mints and revokes the demo workspace's keys through /v1/api-keys,
// authenticated with the demo key (which it never offers to revoke).
(function () {
  'use strict';
  var pages = window.KaiCallsPages;
  var form = document.getElementById('mint-form');
  var tbody = document.querySelector('#keys tbody');
  var status = document.getElementById('status');
  var ownKeyId = null;

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
      if (key.id === ownKeyId) {
        cell(row, el('span', 'lead', 'used by this page'));
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
      pages.api('POST', '/v1/api-keys/' + encodeURIComponent(key.id) + '/revoke')
        .then(function () { say('Revoked ' + key.name + '.', 'ok'); return refresh(); })
        .catch(function (e) { button.disabled = false; say('Could not revoke: ' + e.message, 'error'); });
    });
  }

  function refresh() {
    return pages.listAll('/v1/api-keys').then(render).catch(function (e) { say('Could not list keys: ' + e.message, 'error'); });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var name = document.getElementById('key-name').value.trim();
    var scopes = Array.prototype.map.call(form.querySelectorAll('input[name="scope"]:checked'), function (c) { return c.value; });
    if (!name) { say('Give the key a name.', 'error'); return; }
    if (scopes.length === 0) { say('Choose at least one scope.', 'error'); return; }
    var submit = document.getElementById('mint');
    submit.disabled = true;
    pages.api('POST', '/v1/api-keys', { name: name, scopes: scopes })
      .then(function (key) {
        document.getElementById('new-key-name').textContent = key.name;
        document.getElementById('new-secret').textContent = key.secret;
        document.getElementById('new-key').hidden = false;
        form.reset();
        say('Created ' + key.name + ' (' + key.id + ').', 'ok');
        return refresh();
      })
      .catch(function (e) { say('Could not create the key: ' + e.message, 'error'); })
      .then(function () { submit.disabled = false; });
  });

  document.getElementById('copy-secret').addEventListener('click', function (event) {
    pages.copy(document.getElementById('new-secret').textContent, event.target);
  });

  pages.api('GET', '/v1/me')
    .then(function (me) {
      ownKeyId = me.key_id;
      document.getElementById('workspace').textContent = me.workspace_name + ' (' + me.workspace_id + ')';
    })
    .catch(function (e) { say('Could not read the workspace: ' + e.message, 'error'); })
    .then(refresh)
    .then(function () { document.body.setAttribute('data-ready', 'true'); });
}());
