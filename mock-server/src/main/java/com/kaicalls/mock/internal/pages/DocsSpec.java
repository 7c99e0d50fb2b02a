package com.kaicalls.mock.internal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The contract as the docs page reads it: {@code openapi.yaml} (the emulator's parsed copy) as
 * JSON, with the running emulator as the first server, so "Try it out" calls this emulator.
 */
final class DocsSpec {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CACHED = 16;

  private final Map<String, byte[]> byBaseUrl = new ConcurrentHashMap<>();
  private final Supplier<JsonNode> root;
  private final Map<String, String> enumHtml = new ConcurrentHashMap<>();

  /**
   * {@code root}: the parsed spec, read only (asked for on first use: it may still be being
   * parsed).
   */
  DocsSpec(Supplier<JsonNode> root) {
    this.root = root;
  }

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
    withoutWorkspaceExample(spec);
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

  /**
   * Swagger UI fills an optional parameter's example into "Try it out", and the page is authorized
   * with the demo key, a client key: any {@code KaiCalls-Workspace} it sent would be a 404. The
   * header stays documented, empty unless the reader types a value.
   */
  private static void withoutWorkspaceExample(ObjectNode spec) {
    for (JsonNode parameter : spec.path("components").path("parameters")) {
      if (parameter instanceof ObjectNode header
          && "KaiCalls-Workspace".equals(parameter.path("name").asText())) {
        header.remove("example");
        header.remove("examples");
      }
    }
  }

  /** One labelled checkbox per value of the spec's {@code Scope} enum, for the API keys page. */
  String scopeCheckboxes() {
    return enumHtml(
        "Scope",
        s ->
            "<label class=\"scope\"><input type=\"checkbox\" name=\"scope\" value=\""
                + s
                + "\"> <code>"
                + s
                + "</code></label>\n");
  }

  /**
   * One {@code <option>} per value of the spec's {@code EventType} enum, for the events page's
   * filter.
   */
  String eventTypeOptions() {
    return enumHtml("EventType", t -> "<option value=\"" + t + "\">" + t + "</option>\n");
  }

  /** The values of the spec's enum schema {@code schema}, each escaped and rendered, once. */
  private String enumHtml(String schema, UnaryOperator<String> render) {
    return enumHtml.computeIfAbsent(
        schema,
        name -> {
          StringBuilder out = new StringBuilder();
          for (JsonNode value : root().at("/components/schemas/" + name + "/enum")) {
            out.append(render.apply(PageTemplates.escape(value.asText())));
          }
          return out.toString();
        });
  }

  private JsonNode root() {
    return root.get();
  }

  private static boolean isLocal(String url) {
    return url.startsWith("http://127.0.0.1") || url.startsWith("http://localhost");
  }
}
