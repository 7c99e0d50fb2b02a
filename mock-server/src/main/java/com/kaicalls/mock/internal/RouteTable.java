package com.kaicalls.mock.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matches a method and path to an operation; built once from the spec, no regexes per request. */
final class RouteTable {

  /** A matched route with its decoded path parameters. */
  record Match(ApiSpec.Operation operation, Map<String, String> pathParams) {}

  private record Route(String[] segments, ApiSpec.Operation operation) {}

  private final Map<Integer, List<Route>> bySegmentCount = new HashMap<>();

  RouteTable(List<ApiSpec.Operation> operations) {
    for (ApiSpec.Operation operation : operations) {
      String[] segments = split(operation.path());
      bySegmentCount.computeIfAbsent(segments.length, n -> new ArrayList<>()).add(new Route(segments, operation));
    }
    // Literal segments win over parameters (e.g. /communication-runs/validate vs /{id}).
    bySegmentCount.values().forEach(routes -> routes.sort((a, b) -> Integer.compare(params(a), params(b))));
  }

  /** The operation for this method and path, or {@code null}. */
  Match match(String method, String path) {
    String[] segments = split(path);
    for (Route route : bySegmentCount.getOrDefault(segments.length, List.of())) {
      if (route.operation.method().equals(method)) {
        Map<String, String> params = bind(route.segments, segments);
        if (params != null) {
          return new Match(route.operation, params);
        }
      }
    }
    return null;
  }

  /** Methods allowed on this path (empty when the path is unknown). */
  Set<String> allowedMethods(String path) {
    String[] segments = split(path);
    Set<String> methods = new LinkedHashSet<>();
    for (Route route : bySegmentCount.getOrDefault(segments.length, List.of())) {
      if (bind(route.segments, segments) != null) {
        methods.add(route.operation.method());
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
        params.put(t.substring(1, t.length() - 1), java.net.URLDecoder.decode(actual[i], java.nio.charset.StandardCharsets.UTF_8));
      } else if (!t.equals(actual[i])) {
        return null;
      }
    }
    return params == null ? Map.of() : params;
  }

  private static int params(Route route) {
    int count = 0;
    for (String s : route.segments) {
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
