package com.kaicalls.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.internal.spec.ApiSpec;
import com.kaicalls.mock.internal.store.ListQuery;
import com.kaicalls.mock.internal.store.Rfc3339;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a list call's query into a {@link ListQuery}: {@code limit}, {@code cursor}, the created
 * range, and every other query parameter the spec declares for the operation as an equality filter
 * on the field of the same name (repeatable parameters match any of their values).
 */
public final class Lists {

  private static final Set<String> RESERVED =
      Set.of("limit", "cursor", "created_after", "created_before");

  private Lists() {}

  public static ListQuery query(ApiCall call, Predicate<JsonNode> extra, boolean oldestFirst) {
    return query(call, extra, oldestFirst, Set.of());
  }

  /**
   * As {@link #query(ApiCall, Predicate, boolean)}, except that the parameters named in {@code
   * handled} are not filters: the handler applies them itself.
   */
  public static ListQuery query(
      ApiCall call, Predicate<JsonNode> extra, boolean oldestFirst, Set<String> handled) {
    List<Predicate<JsonNode>> filters = new ArrayList<>();
    if (extra != null) {
      filters.add(extra);
    }
    for (ApiSpec.Param param : call.operation.params()) {
      if (!param.in().equals("query")
          || RESERVED.contains(param.name())
          || handled.contains(param.name())) {
        continue;
      }
      List<String> values = call.query.get(param.name());
      if (values == null || values.isEmpty()) {
        continue;
      }
      Set<String> accepted = new HashSet<>();
      for (String v : values) {
        for (String part : v.split(",", -1)) {
          accepted.add(part);
        }
      }
      String field = param.name();
      filters.add(
          doc -> {
            JsonNode value = doc.get(field);
            return value != null && !value.isNull() && accepted.contains(value.asText());
          });
    }
    String limit = call.query("limit");
    return new ListQuery(
        filters.isEmpty() ? null : doc -> filters.stream().allMatch(f -> f.test(doc)),
        instant(call, "created_after"),
        instant(call, "created_before"),
        call.query("cursor"),
        limit == null ? 20 : Integer.parseInt(limit.trim()),
        oldestFirst);
  }

  private static java.time.Instant instant(ApiCall call, String name) {
    String text = call.query(name);
    try {
      return text == null ? null : Rfc3339.parse(text);
    } catch (java.time.DateTimeException e) {
      throw ApiException.invalid(
          "parameter_invalid", "'" + text + "' is not an RFC 3339 date-time.", name);
    }
  }
}
