package com.kaicalls.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The operations of openapi.yaml, for table-driven tests. */
final class SpecOperations {

  /**
   * One operation.
   *
   * @param statuses the response statuses it documents
   */
  record Op(String method, String path, String operationId, String scope, Set<Integer> statuses) {
    boolean takesId() {
      return path.contains("{id}");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private SpecOperations() {}

  static List<Op> all() {
    try {
      JsonNode root =
          new ObjectMapper(new YAMLFactory())
              .readTree(
                  Path.of(System.getProperty("kaicalls.openapi", "../openapi.yaml")).toFile());
      List<Op> ops = new ArrayList<>();
      root.path("paths")
          .properties()
          .forEach(
              path ->
                  path.getValue()
                      .properties()
                      .forEach(
                          m -> {
                            if (List.of("get", "post", "patch", "delete", "put")
                                .contains(m.getKey())) {
                              JsonNode scope = m.getValue().get("x-required-scope");
                              Set<Integer> statuses = new TreeSet<>();
                              m.getValue()
                                  .path("responses")
                                  .properties()
                                  .forEach(r -> statuses.add(Integer.parseInt(r.getKey())));
                              ops.add(
                                  new Op(
                                      m.getKey().toUpperCase(Locale.ROOT),
                                      path.getKey(),
                                      m.getValue().path("operationId").asText(),
                                      scope == null || scope.isNull() ? null : scope.asText(),
                                      statuses));
                            }
                          }));
      return ops;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> scopes() {
    try {
      JsonNode root =
          new ObjectMapper(new YAMLFactory())
              .readTree(
                  Path.of(System.getProperty("kaicalls.openapi", "../openapi.yaml")).toFile());
      List<String> scopes = new ArrayList<>();
      root.at("/components/schemas/Scope/enum").forEach(s -> scopes.add(s.asText()));
      return scopes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path with {id} (and {version}) replaced by real ids of the demo workspace. */
  static String concretePath(Op op, ApiClient demo) {
    String path = op.path();
    if (!path.contains("{id}")) {
      return path;
    }
    String collection = path.substring(0, path.indexOf("/{id}"));
    String id;
    if (collection.equals("/v1/backfills")) {
      String sub =
          demo.get("/v1/webhook-subscriptions").json().path("data").get(0).path("id").asText();
      id =
          demo.post(
                  "/v1/events/backfill",
                  Map.of(
                      "subscription_id",
                      sub,
                      "created_after",
                      "2026-01-01T00:00:00Z",
                      "created_before",
                      "2027-01-01T00:00:00Z"))
              .json()
              .path("id")
              .asText();
    } else if (collection.equals("/v1/workspaces")) {
      // A client key lists no workspaces; its own is the one it can always retrieve.
      id = demo.get("/v1/me").json().path("workspace_id").asText();
    } else if (collection.equals("/v1/recordings")) {
      id = demo.get(collection).json().path("data").get(0).path("id").asText();
    } else {
      id = demo.get(collection + "?limit=1").json().path("data").get(0).path("id").asText();
    }
    return path.replace("{id}", id).replace("{version}", "1");
  }
}
