package com.kaicalls.sdk.internal;

import java.io.PrintStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Locale;
import okhttp3.Headers;

/**
 * Request and response logging, off unless {@code KAICALLS_LOG} (or the system property {@code
 * kaicalls.log}) is {@code info} (one line per request, response, retry and failure) or {@code
 * debug} (the same lines with headers and bodies). Keys and secrets are redacted.
 *
 * <p>Each line goes to the {@link System.Logger} {@code com.kaicalls.sdk} at that level when the
 * logger takes it, so an application's own logging (JUL configuration, an SLF4J bridge) decides
 * format and destination. When the logger would drop it (JUL's default console handler drops {@code
 * DEBUG}), the line is written to stderr instead: setting the variable is enough to see it. Nothing
 * is installed in any logging framework.
 */
final class HttpLog {
  private static final Logger LOGGER = System.getLogger("com.kaicalls.sdk");
  private static final int MAX_BODY_CHARS = 4096;
  private static final HttpLog OFF = new HttpLog(null, System.err);

  private final Level level;
  private final PrintStream stderr;

  HttpLog(Level level, PrintStream stderr) {
    this.level = level;
    this.stderr = stderr;
  }

  static HttpLog fromEnvironment() {
    return forSetting(System.getProperty("kaicalls.log", System.getenv("KAICALLS_LOG")));
  }

  static HttpLog forSetting(String setting) {
    if (setting == null) return OFF;
    switch (setting.trim().toLowerCase(Locale.ROOT)) {
      case "debug":
        return new HttpLog(Level.DEBUG, System.err);
      case "info":
        return new HttpLog(Level.INFO, System.err);
      default:
        return OFF;
    }
  }

  boolean enabled() {
    return level != null;
  }

  void request(
      String operationId, String method, String url, Headers headers, String body, int attempt) {
    if (level == null) return;
    StringBuilder line =
        new StringBuilder("--> ")
            .append(method)
            .append(' ')
            .append(url)
            .append(" (")
            .append(operationId)
            .append(", attempt ")
            .append(attempt + 1)
            .append(')');
    if (level == Level.DEBUG) {
      line.append(" headers=").append(redactHeaders(headers));
      if (body != null) line.append(" body=").append(clip(Redactor.redact(body)));
    }
    write(line.toString());
  }

  void response(String method, String url, int status, long millis, Headers headers, String body) {
    if (level == null) return;
    StringBuilder line =
        new StringBuilder("<-- ")
            .append(status)
            .append(' ')
            .append(method)
            .append(' ')
            .append(url)
            .append(" (")
            .append(millis)
            .append(" ms) request-id=")
            .append(headers.get("Request-Id"));
    if (level == Level.DEBUG && body != null)
      line.append(" body=").append(clip(Redactor.redact(body)));
    write(line.toString());
  }

  void failure(String method, String url, Exception e) {
    if (level == null) return;
    write("<-- " + method + " " + url + " failed: " + Redactor.redact(String.valueOf(e)));
  }

  void retry(int retry, long delayMillis, String reason) {
    if (level == null) return;
    write("retry " + retry + " in " + delayMillis + " ms after " + Redactor.redact(reason));
  }

  private void write(String line) {
    if (LOGGER.isLoggable(level)) {
      LOGGER.log(level, line);
    } else {
      // The caller asked for logs with KAICALLS_LOG but no logger takes them: print them rather
      // than lose them.
      stderr.println(Instant.now() + " kaicalls " + level.getName() + " " + line);
    }
  }

  private static String redactHeaders(Headers headers) {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value =
          name.equalsIgnoreCase("Authorization") ? "[redacted]" : Redactor.redact(headers.value(i));
      s.append(i == 0 ? "" : ", ").append(name).append('=').append(value);
    }
    return s.append('}').toString();
  }

  private static String clip(String body) {
    return body.length() <= MAX_BODY_CHARS ? body : body.substring(0, MAX_BODY_CHARS) + "...";
  }
}
