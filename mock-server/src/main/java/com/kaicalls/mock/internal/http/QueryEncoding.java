package com.kaicalls.mock.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Finds a query parameter whose percent-encoding is broken ({@code %zz}, a trailing {@code %}). */
final class QueryEncoding {

  private QueryEncoding() {}

  /**
   * The name of the first badly encoded parameter (as sent when the name itself is bad), or {@code
   * null}.
   */
  static String badlyEncodedParam(String rawQuery) {
    if (rawQuery == null || rawQuery.indexOf('%') < 0) {
      return null;
    }
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      if (!wellFormed(name)) {
        return name;
      }
      if (!wellFormed(value)) {
        return URLDecoder.decode(name, StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static boolean wellFormed(String text) {
    for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
      if (i + 2 >= text.length()
          || Character.digit(text.charAt(i + 1), 16) < 0
          || Character.digit(text.charAt(i + 2), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
