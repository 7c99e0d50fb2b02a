package com.kaicalls.mock.internal.http;

import com.kaicalls.mock.internal.spec.ApiSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a method and path to an operation; built once from the spec, no regexes per request. A
 * path belongs to its most specific resource (literal segments win over parameters), whatever the
 * method: {@code GET /v1/communication-runs/validate} is a 405 on {@code /validate}, not a lookup
 * of a run called "validate". {@code HEAD} is answered wherever {@code GET} is.
 */
public final class RouteTable {

  /** A matched route with its decoded path parameters. */
  record Match(ApiSpec.Operation operation, Map<String, String> pathParams) {}

  /** One path template and its operations by method. */
  private record Resource(String[] segments, Map<String, ApiSpec.Operation> byMethod) {}

  private final Map<Integer, List<Resource>> bySegmentCount = new HashMap<>();

  public RouteTable(List<ApiSpec.Operation> operations) {
    Map<String, Resource> byPath = new LinkedHashMap<>();
    for (ApiSpec.Operation operation : operations) {
      byPath
          .computeIfAbsent(operation.path(), p -> new Resource(split(p), new LinkedHashMap<>()))
          .byMethod()
          .put(operation.method(), operation);
    }
    for (Resource resource : byPath.values()) {
      bySegmentCount
          .computeIfAbsent(resource.segments.length, n -> new ArrayList<>())
          .add(resource);
    }
    bySegmentCount
        .values()
        .forEach(resources -> resources.sort((a, b) -> Integer.compare(params(a), params(b))));
  }

  /** The operation for this method and path, or {@code null}. */
  Match match(String method, String path) {
    String[] segments = split(path);
    for (Resource resource : bySegmentCount.getOrDefault(segments.length, List.of())) {
      Map<String, String> params = bind(resource.segments, segments);
      if (params != null) {
        ApiSpec.Operation operation = resource.byMethod.get(method.equals("HEAD") ? "GET" : method);
        return operation == null ? null : new Match(operation, params);
      }
    }
    return null;
  }

  /**
   * Methods allowed on this path, {@code HEAD} with {@code GET} (empty when the path is unknown).
   */
  Set<String> allowedMethods(String path) {
    String[] segments = split(path);
    Set<String> methods = new LinkedHashSet<>();
    for (Resource resource : bySegmentCount.getOrDefault(segments.length, List.of())) {
      if (bind(resource.segments, segments) != null) {
        for (String method : resource.byMethod.keySet()) {
          methods.add(method);
          if (method.equals("GET")) {
            methods.add("HEAD");
          }
        }
        break;
      }
    }
    return methods;
  }

  private static Map<String, String> bind(String[] template, String[] actual) {
    Map<String, String> params = null;
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{")) {
        if (actual[i].isEmpty()) {
          return null;
        }
        if (params == null) {
          params = new HashMap<>(4);
        }
        params.put(
            t.substring(1, t.length() - 1),
            java.net.URLDecoder.decode(actual[i], java.nio.charset.StandardCharsets.UTF_8));
      } else if (!t.equals(actual[i])) {
        return null;
      }
    }
    return params == null ? Map.of() : params;
  }

  private static int params(Resource resource) {
    int count = 0;
    for (String s : resource.segments) {
      count += s.startsWith("{") ? 1 : 0;
    }
    return count;
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.split("/", -1);
  }
}
