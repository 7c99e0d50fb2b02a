package com.kaicalls.mock.internal.webhooks;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The receiver's response headers as stored on a delivery attempt: names lower-cased, a repeated
 * header's values joined with {@code ", "}, in name order; at most {@link #MAX_HEADERS} headers and
 * {@link #MAX_BYTES} bytes of names and values (UTF-8) in total. The first header that does not fit
 * and all after it are dropped, so the stored document stays bounded whatever the receiver sends.
 */
final class ResponseHeaders {

  static final int MAX_HEADERS = 50;
  static final int MAX_BYTES = 8 * 1024;

  private ResponseHeaders() {}

  static Map<String, String> bounded(HttpHeaders headers) {
    Map<String, String> joined = new TreeMap<>();
    headers
        .map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(
                  ":")) { // HTTP/2 pseudo-headers are not headers the receiver sent
                joined.merge(
                    name.toLowerCase(Locale.ROOT),
                    String.join(", ", values),
                    (a, b) -> a + ", " + b);
              }
            });
    Map<String, String> kept = new LinkedHashMap<>();
    int bytes = 0;
    for (Map.Entry<String, String> header : joined.entrySet()) {
      bytes += utf8Length(header.getKey()) + utf8Length(header.getValue());
      if (kept.size() == MAX_HEADERS || bytes > MAX_BYTES) {
        break;
      }
      kept.put(header.getKey(), header.getValue());
    }
    return kept;
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
