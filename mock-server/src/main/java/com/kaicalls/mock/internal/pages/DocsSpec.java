package com.kaicalls.mock.internal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract as the docs page reads it: {@code openapi.yaml} (the copy inside the jar) as JSON,
 * with the running emulator as the first server, so "Try it out" calls this emulator.
 */
final class DocsSpec {

  static final String RESOURCE = "/com/kaicalls/mock/openapi.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CACHED = 16;

  private final Map<String, byte[]> byBaseUrl = new ConcurrentHashMap<>();
  private volatile JsonNode root;
  private volatile String scopeCheckboxes;
  private volatile String eventTypeOptions;

  byte[] json(String baseUrl) {
    byte[] cached = byBaseUrl.get(baseUrl);
    if (cached != null) {
      return cached;
    }
    ObjectNode spec = root().deepCopy();
    ArrayNode servers = JSON.createArrayNode();
    servers.addObject().put("url", baseUrl).put("description", "This emulator");
    for (JsonNode server : root().path("servers")) {
      if (!isLocal(server.path("url").asText())) {
        servers.add(server);
      }
    }
    spec.set("servers", servers);
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (byBaseUrl.size() < MAX_CACHED) {
      byBaseUrl.put(baseUrl, json);
    }
    return json;
  }

  /** One labelled checkbox per value of the spec's {@code Scope} enum, for the API keys page. */
  String scopeCheckboxes() {
    String html = scopeCheckboxes;
    if (html == null) {
      StringBuilder out = new StringBuilder();
      for (JsonNode scope : root().at("/components/schemas/Scope/enum")) {
        String s = PageTemplates.escape(scope.asText());
        out.append("<label class=\"scope\"><input type=\"checkbox\" name=\"scope\" value=\"")
            .append(s).append("\"> <code>").append(s).append("</code></label>\n");
      }
      html = out.toString();
      scopeCheckboxes = html;
    }
    return html;
  }

  /** One {@code <option>} per value of the spec's {@code EventType} enum, for the events page's filter. */
  String eventTypeOptions() {
    String html = eventTypeOptions;
    if (html == null) {
      StringBuilder out = new StringBuilder();
      for (JsonNode type : root().at("/components/schemas/EventType/enum")) {
        String t = PageTemplates.escape(type.asText());
        out.append("<option value=\"").append(t).append("\">").append(t).append("</option>\n");
      }
      html = out.toString();
      eventTypeOptions = html;
    }
    return html;
  }

  private JsonNode root() {
    JsonNode r = root;
    if (r == null) {
      try {
        r = new ObjectMapper(new YAMLFactory()).readTree(PageTemplates.resource(RESOURCE));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      root = r;
    }
    return r;
  }

  private static boolean isLocal(String url) {
    return url.startsWith("http://127.0.0.1") || url.startsWith("http://localhost");
  }
}
