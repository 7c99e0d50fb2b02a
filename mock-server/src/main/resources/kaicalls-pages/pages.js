// Shared by the quickstart and API keys pages: copy to the clipboard, call the API with the demo key.
(function () {
  'use strict';

  function meta(name) {
    return document.querySelector('meta[name="' + name + '"]').content;
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

  // Calls the API with the demo key; resolves to the parsed body, rejects with the API's error message.
  function api(method, path, body) {
    var headers = { 'Authorization': 'Bearer ' + meta('kaicalls-api-key') };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        return response.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          if (!response.ok) {
            var message = json && json.error ? json.error.message + ' (' + json.error.code + ')' : 'HTTP ' + response.status;
            throw new Error(message);
          }
          return json;
        });
      });
  }

  window.KaiCallsPages = { meta: meta, copy: copy, api: api };
}());
