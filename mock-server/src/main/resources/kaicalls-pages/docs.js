// The API reference: Swagger UI over this emulator's spec (servers rewritten to this emulator),
// with the demo workspace's key authorized so "Try it out" works at once.
(function () {
  'use strict';
  var ui = SwaggerUIBundle({
    url: '/docs/api/openapi.json',
    dom_id: '#swagger-ui',
    layout: 'BaseLayout',
    deepLinking: true,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    displayRequestDuration: true,
    validatorUrl: null,
    onComplete: function () {
      window.KaiCallsPages.apiKey().then(function (key) {
        ui.preauthorizeApiKey('bearerAuth', key);
        document.body.setAttribute('data-ready', 'true');
      });
    }
  });
  window.ui = ui;
}());
