// Shared by the emulator's pages: the demo and agency keys, API calls, the clipboard, and DOM helpers that only
// ever set text (never HTML), so nothing a request or event carries can run as markup.
(function () {
  'use strict';

  function meta(name) {
    var node = document.querySelector('meta[name="' + name + '"]');
    return node ? node.content : null;
  }

  // The quickstart shows the demo key on purpose; every other page reads the keys from the emulator's
  // same-origin admin route, so they never sit in their HTML.
  var keysPromise = null;
  function emulatorKeys() {
    if (!keysPromise) {
      keysPromise = fetch('/__admin/kaicalls/keys')
        .then(function (response) {
          if (!response.ok) { throw new Error('GET /__admin/kaicalls/keys answered HTTP ' + response.status); }
          return response.json();
        });
    }
    return keysPromise;
  }

  function apiKey() {
    var inPage = meta('kaicalls-api-key');
    return inPage ? Promise.resolve(inPage) : emulatorKeys().then(function (keys) { return keys.demo_api_key; });
  }

  // The demo agency's key, or null when the emulator has none to offer.
  function agencyKey() {
    return emulatorKeys().then(function (keys) { return keys.agency_api_key || null; });
  }

  // navigator.clipboard needs a secure context (127.0.0.1 and localhost are); else select and copy.
  function copy(text, button) {
    function done(ok) {
      var label = button.textContent;
      button.textContent = ok ? 'Copied' : 'Press Ctrl+C';
      setTimeout(function () { button.textContent = label; }, 1500);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallback(text)); });
    } else {
      done(fallback(text));
    }
  }

  function fallback(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  // Resolves to the parsed body; rejects with the API's error message and the HTTP status.
  function request(method, path, headers, body) {
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        return response.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          if (!response.ok) {
            var message = json && json.error ? json.error.message + ' (' + json.error.code + ')' : 'HTTP ' + response.status;
            var error = new Error(message);
            error.status = response.status;
            throw error;
          }
          return json;
        });
      });
  }

  // Calls the API with the demo key.
  function api(method, path, body) {
    return apiKey().then(function (key) { return apiAs(key, null)(method, path, body); });
  }

  // A function like api() that calls with this key, acting in client workspace (KaiCalls-Workspace)
  // when one is given.
  function apiAs(key, workspace) {
    return function (method, path, body) {
      var headers = { 'Authorization': 'Bearer ' + key };
      if (workspace) { headers['KaiCalls-Workspace'] = workspace; }
      return request(method, path, headers, body);
    };
  }

  // Every item of a list route, page after page (limit=100), called with api() or the given caller.
  function listAll(path, caller) {
    var call = caller || api;
    function from(cursor, acc) {
      var url = path + (path.indexOf('?') < 0 ? '?' : '&') + 'limit=100' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
      return call('GET', url).then(function (page) {
        var all = acc.concat(page.data);
        return page.has_more ? from(page.next_cursor, all) : all;
      });
    }
    return from(null, []);
  }

  // Calls one of the emulator's documented admin routes (same origin, no key).
  function admin(method, path, body) {
    return request(method, path, {}, body);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function time(value) {
    return value ? value.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '—';
  }

  // A JSON value (or a string that holds JSON) pretty-printed in a <pre>, as text.
  function jsonBlock(value) {
    var text = value;
    if (typeof value === 'string') {
      try { text = JSON.stringify(JSON.parse(value), null, 2); } catch (e) { text = value; }
    } else if (value !== null && value !== undefined) {
      text = JSON.stringify(value, null, 2);
    }
    var pre = el('pre', 'json');
    pre.appendChild(el('code', null, text === null || text === undefined || text === '' ? '(none)' : text));
    return pre;
  }

  function statusLine(node) {
    return function say(text, kind) {
      node.textContent = text;
      node.className = 'status' + (kind ? ' ' + kind : '');
    };
  }

  // Runs task now and then every intervalMs, one at a time, while the page is open.
  function every(intervalMs, task) {
    var run = function () {
      Promise.resolve().then(task).catch(function () { return null; })
        .then(function () { setTimeout(run, intervalMs); });
    };
    run();
  }

  function button(label, className, onClick) {
    var node = el('button', className, label);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
  }

  // A button that acts on its second click: its label, then confirmLabel for five seconds.
  function confirmClicks(button, confirmLabel, onConfirm) {
    var label = button.textContent;
    var timer = null;
    function reset() { button.classList.remove('confirming'); button.textContent = label; }
    button.addEventListener('click', function () {
      if (!button.classList.contains('confirming')) {
        button.classList.add('confirming');
        button.textContent = confirmLabel;
        timer = setTimeout(reset, 5000);
        return;
      }
      clearTimeout(timer);
      reset();
      onConfirm();
    });
    return button;
  }

  // The emulator's virtual time, which every time on the developer pages is in.
  function showClock(node) {
    return admin('GET', '/__admin/kaicalls/clock').then(function (clock) {
      node.textContent = 'Virtual time ' + time(clock.now) + ' (' + clock.mode + ' clock)';
    });
  }

  window.KaiCallsPages = {
    meta: meta, apiKey: apiKey, agencyKey: agencyKey, copy: copy, api: api, apiAs: apiAs, listAll: listAll, admin: admin, el: el, time: time,
    jsonBlock: jsonBlock, statusLine: statusLine, every: every, button: button, confirmClicks: confirmClicks, showClock: showClock
  };
}());
