package com.kaicalls.mock.internal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The emulator's browser pages, answered before the API pipeline sees the request. The paths are a
 * public contract:
 *
 * <ul>
 *   <li>{@code /docs/api}: the interactive API reference (Swagger UI from the webjar, no CDN), with
 *       this emulator as the server and the demo key already authorized;
 *   <li>{@code /docs/api/quickstart}: the quickstart with curl commands for this emulator;
 *   <li>{@code /dashboard/settings/api-keys}: list, mint and revoke one workspace's keys: the demo
 *       workspace's, or with the demo agency's key the agency's or one of its clients';
 *   <li>{@code /dashboard/developers/webhooks}: subscriptions, their deliveries and every attempt;
 *   <li>{@code /dashboard/developers/events}: events, live, with their JSON and deliveries;
 *   <li>{@code /dashboard/developers/logs}: the emulator's recent API requests.
 * </ul>
 *
 * <p>All share one navigation bar ({@link Navigation}). The developer pages read the demo key (the
 * keys page also the agency key) from {@code GET /__admin/kaicalls/keys} at run time rather than
 * carrying them in their HTML.
 *
 * <p>Their assets: {@code /docs/api/openapi.json} (the spec with this emulator as first server),
 * {@code /docs/api/swagger-ui/*} and {@code /assets/kaicalls/*}. Any other request continues to the
 * API. Internal: registered by the emulator.
 */
public final class PagesFilter implements StubRequestFilterV2 {

  public static final String NAME = "kaicalls-pages";

  static final String DOCS = "/docs/api";
  static final String QUICKSTART = "/docs/api/quickstart";
  static final String API_KEYS = "/dashboard/settings/api-keys";
  static final String WEBHOOKS = "/dashboard/developers/webhooks";
  static final String EVENTS = "/dashboard/developers/events";
  static final String LOGS = "/dashboard/developers/logs";
  static final String DOCS_SPEC = "/docs/api/openapi.json";
  static final String SWAGGER_UI = "/docs/api/swagger-ui/";
  static final String ASSETS = "/assets/kaicalls/";

  /**
   * A Host header we are willing to echo into pages and curl commands: a name or address, a port.
   */
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:[0-9]{1,5})?");

  private final String demoApiKey;
  private final Supplier<String> fallbackBaseUrl;
  private final PageTemplates templates = new PageTemplates();
  private final DocsSpec docsSpec;
  private final StaticFiles files = new StaticFiles();

  /**
   * @param demoApiKey the full-scope key of the demo workspace, used by the pages
   * @param fallbackBaseUrl the emulator's base URL, used when a request has no usable Host header
   * @param spec the parsed {@code openapi.yaml} (the emulator's own, read once), asked for when a
   *     page needs it
   */
  public PagesFilter(String demoApiKey, Supplier<String> fallbackBaseUrl, Supplier<JsonNode> spec) {
    this.demoApiKey = Objects.requireNonNull(demoApiKey, "demoApiKey");
    this.fallbackBaseUrl = Objects.requireNonNull(fallbackBaseUrl, "fallbackBaseUrl");
    this.docsSpec = new DocsSpec(Objects.requireNonNull(spec, "spec"));
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    if (!request.getMethod().equals(RequestMethod.GET)
        && !request.getMethod().equals(RequestMethod.HEAD)) {
      return RequestFilterAction.continueWith(request);
    }
    PageResponse response = route(pathOf(request.getUrl()), baseUrl(request));
    return response == null
        ? RequestFilterAction.continueWith(request)
        : RequestFilterAction.stopWith(response.toDefinition());
  }

  /** The page or asset at {@code path}, or {@code null} when it is not one of ours. */
  PageResponse route(String path, String baseUrl) {
    switch (path) {
      case DOCS:
      case DOCS + "/":
        return page("docs.html", DOCS, baseUrl);
      case QUICKSTART:
        return page("quickstart.html", QUICKSTART, baseUrl);
      case API_KEYS:
        return page("api-keys.html", API_KEYS, baseUrl);
      case WEBHOOKS:
        return page("webhooks.html", WEBHOOKS, baseUrl);
      case EVENTS:
        return page("events.html", EVENTS, baseUrl);
      case LOGS:
        return page("logs.html", LOGS, baseUrl);
      case DOCS_SPEC:
        return PageResponse.ok("application/json", docsSpec.json(baseUrl), false);
      default:
        break;
    }
    if (path.startsWith(SWAGGER_UI)) {
      return files.swaggerUi(path.substring(SWAGGER_UI.length()));
    }
    if (path.startsWith(ASSETS)) {
      return files.own(path.substring(ASSETS.length()));
    }
    return null;
  }

  private PageResponse page(String template, String path, String baseUrl) {
    Map<String, String> text = Map.of("BASE_URL", baseUrl, "API_KEY", demoApiKey);
    Map<String, String> html =
        Map.of(
            "NAV",
            Navigation.html(path),
            "SCOPE_CHECKBOXES",
            docsSpec.scopeCheckboxes(),
            "EVENT_TYPE_OPTIONS",
            docsSpec.eventTypeOptions());
    return PageResponse.ok(
        "text/html; charset=utf-8", templates.render(template, text, html), false);
  }

  private String baseUrl(Request request) {
    String host = request.getHeader("Host");
    if (host != null && HOST.matcher(host).matches()) {
      return "http://" + host;
    }
    return fallbackBaseUrl.get();
  }

  static String pathOf(String url) {
    int end = url.length();
    int query = url.indexOf('?');
    if (query >= 0) {
      end = query;
    }
    int fragment = url.indexOf('#');
    if (fragment >= 0 && fragment < end) {
      end = fragment;
    }
    return url.substring(0, end);
  }
}
