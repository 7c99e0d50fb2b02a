package com.kaicalls.mock.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.function.Predicate;

/** Which page of a list to return: filter, created range (after inclusive, before exclusive). */
public record ListQuery(
    Predicate<JsonNode> filter,
    Instant createdAfter,
    Instant createdBefore,
    String cursor,
    int limit,
    boolean oldestFirst) {

  public static ListQuery all(Predicate<JsonNode> filter) {
    return new ListQuery(filter, null, null, null, Integer.MAX_VALUE, false);
  }
}
