package com.kaicalls.mock.internal.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * RFC 3339 date-times, strictly: a four-digit year, seconds, an offset. Java's parser also takes
 * {@code +999999999-12-31T23:59:59Z}, which no client can read back; every date the emulator reads
 * goes through here.
 */
public final class Rfc3339 {

  private static final Pattern SHAPE =
      Pattern.compile(
          "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})");

  private Rfc3339() {}

  /**
   * The instant a date-time names.
   *
   * @throws DateTimeException when the text is not an RFC 3339 date-time
   */
  public static Instant parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      throw new DateTimeException("not an RFC 3339 date-time: '" + text + "'");
    }
    return OffsetDateTime.parse(text.toUpperCase(java.util.Locale.ROOT)).toInstant();
  }

  /** Whether the text is an RFC 3339 date-time. */
  public static boolean valid(String text) {
    try {
      parse(text);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
