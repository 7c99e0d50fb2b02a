package com.kaicalls.sdk.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import okhttp3.OkHttpClient;

/**
 * Notes which operations of openapi.yaml a client's requests hit, as "METHOD /v1/path/{template}".
 */
final class OperationRecorder {
  private OperationRecorder() {}

  /**
   * Returns an OkHttp client to give the SDK, recording into {@code called}.
   *
   * @param called receives each operation requested
   */
  static OkHttpClient recording(Set<String> called) throws IOException {
    Map<String, String> templates = pathTemplates();
    return new OkHttpClient.Builder()
        .addInterceptor(
            chain -> {
              String method = chain.request().method();
              String path = chain.request().url().encodedPath();
              templates.forEach(
                  (key, regex) -> {
                    if (key.startsWith(method + " ") && path.matches(regex)) called.add(key);
                  });
              return chain.proceed(chain.request());
            })
        .build();
  }

  /** Returns every operation of openapi.yaml. */
  static Set<String> specOperations() throws IOException {
    return new TreeSet<>(pathTemplates().keySet());
  }

  /** "METHOD /v1/x/{id}" → a regex matching concrete paths of that operation. */
  private static Map<String, String> pathTemplates() throws IOException {
    JsonNode spec =
        new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "openapi.yaml").toFile());
    Map<String, String> templates = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").properties().iterator();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      String regex = path.getKey().replaceAll("\\{[^}]+}", "[^/]+");
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              verb -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(verb)) {
                  templates.put(verb.toUpperCase(Locale.ROOT) + " " + path.getKey(), regex);
                }
              });
    }
    return templates;
  }
}
