package com.kaicalls.sdk.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Formats path and query values the way the API expects them. */
final class QueryValues {
  private QueryValues() {}

  static String format(Object value) {
    if (value instanceof OffsetDateTime) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
    }
    // Generated enums print their wire value from toString().
    return String.valueOf(value);
  }
}
