package com.kaicalls.sdk.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import okhttp3.Headers;

/**
 * Request and response logging through {@link System.Logger} ({@code com.kaicalls.sdk}), off unless
 * {@code KAICALLS_LOG=debug} (or the system property {@code kaicalls.log=debug}). Keys and secrets are redacted.
 */
final class HttpLog {
  private static final Logger LOGGER = System.getLogger("com.kaicalls.sdk");
  private static final int MAX_BODY_CHARS = 4096;

  private final boolean enabled;

  private HttpLog(boolean enabled) {
    this.enabled = enabled;
  }

  static HttpLog fromEnvironment() {
    String setting = System.getProperty("kaicalls.log", System.getenv("KAICALLS_LOG"));
    return new HttpLog(setting != null && setting.trim().toLowerCase(Locale.ROOT).equals("debug"));
  }

  boolean enabled() {
    return enabled;
  }

  void request(String operationId, String method, String url, Headers headers, String body, int attempt) {
    if (!enabled) return;
    LOGGER.log(
        Level.DEBUG,
        "--> {0} {1} ({2}, attempt {3}) headers={4}{5}",
        method,
        url,
        operationId,
        attempt + 1,
        redactHeaders(headers),
        body == null ? "" : " body=" + clip(Redactor.redact(body)));
  }

  void response(String method, String url, int status, long millis, Headers headers, String body) {
    if (!enabled) return;
    LOGGER.log(
        Level.DEBUG,
        "<-- {0} {1} {2} ({3} ms) request-id={4}{5}",
        status,
        method,
        url,
        millis,
        headers.get("Request-Id"),
        body == null ? "" : " body=" + clip(Redactor.redact(body)));
  }

  void failure(String method, String url, Exception e) {
    if (!enabled) return;
    LOGGER.log(Level.DEBUG, "<-- {0} {1} failed: {2}", method, url, Redactor.redact(String.valueOf(e)));
  }

  void retry(int retry, long delayMillis, String reason) {
    if (!enabled) return;
    LOGGER.log(Level.DEBUG, "retry {0} in {1} ms after {2}", retry, delayMillis, Redactor.redact(reason));
  }

  private static String redactHeaders(Headers headers) {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = name.equalsIgnoreCase("Authorization") ? "[redacted]" : Redactor.redact(headers.value(i));
      s.append(i == 0 ? "" : ", ").append(name).append('=').append(value);
    }
    return s.append('}').toString();
  }

  private static String clip(String body) {
    return body.length() <= MAX_BODY_CHARS ? body : body.substring(0, MAX_BODY_CHARS) + "...";
  }
}
