package com.kaicalls.mock.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.store.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Faults injected for client testing: the next {@code count} API requests matching a method and
 * path fail in a chosen way. A path ending in {@code *} matches by prefix. First matching rule
 * wins; a rule is gone once used up. Internal: use {@code KaiCallsMockServer.faults()}.
 */
public final class FaultRegistry {

  /** One rule; {@code method} {@code null} matches any method. */
  public static final class Rule {
    final String method;
    final String path;
    final FaultKind kind;
    final int status;
    final Long retryAfterSeconds;
    final long delayMs;
    int remaining;

    /** {@code kind}: the fault's name in the admin JSON (see {@link FaultKind}). */
    public Rule(
        String method,
        String path,
        int count,
        String kind,
        int status,
        Long retryAfterSeconds,
        long delayMs) {
      if (path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/'");
      }
      if (count < 1) {
        throw new IllegalArgumentException("count must be at least 1");
      }
      FaultKind faultKind = FaultKind.named(kind);
      if (faultKind == null) {
        throw new IllegalArgumentException(
            "fault must be one of status, delay, connection_reset, commit_then_drop");
      }
      if (faultKind == FaultKind.STATUS && (status < 400 || status > 599)) {
        throw new IllegalArgumentException("status must be 400..599");
      }
      if (faultKind == FaultKind.DELAY && (delayMs < 0 || delayMs > 120_000)) {
        throw new IllegalArgumentException("delay_ms must be 0..120000");
      }
      this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
      this.path = path;
      this.kind = faultKind;
      this.status = status;
      this.retryAfterSeconds = retryAfterSeconds;
      this.delayMs = delayMs;
      this.remaining = count;
    }

    boolean matches(String requestMethod, String requestPath) {
      if (method != null && !method.equals(requestMethod)) {
        return false;
      }
      return path.endsWith("*")
          ? requestPath.startsWith(path.substring(0, path.length() - 1))
          : path.equals(requestPath);
    }

    public ObjectNode toJson() {
      ObjectNode json = Json.object();
      Json.putNullable(json, "method", method);
      json.put("path", path);
      json.put("count", remaining);
      json.put("fault", kind.jsonName());
      if (kind == FaultKind.STATUS) {
        json.put("status", status);
        if (retryAfterSeconds != null) {
          json.put("retry_after", retryAfterSeconds);
        }
      }
      if (kind == FaultKind.DELAY) {
        json.put("delay_ms", delayMs);
      }
      return json;
    }
  }

  private final List<Rule> rules = new ArrayList<>();

  public synchronized void add(Rule rule) {
    rules.add(rule);
  }

  /** Removes every rule; returns how many there were. */
  public synchronized int clear() {
    int n = rules.size();
    rules.clear();
    return n;
  }

  /** Uses up one match of the first rule for this request, or returns {@code null}. */
  synchronized Rule take(String method, String path) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (rule.matches(method, path)) {
        if (--rule.remaining == 0) {
          it.remove();
        }
        return rule;
      }
    }
    return null;
  }

  /** The active rules as the admin route lists them. */
  public synchronized ArrayNode toJson() {
    ArrayNode array = Json.array();
    rules.forEach(r -> array.add(r.toJson()));
    return array;
  }
}
