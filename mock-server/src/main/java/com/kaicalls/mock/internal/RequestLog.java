package com.kaicalls.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The most recent API requests, newest first, for {@code GET /__admin/kaicalls/requests} and the logs
 * page: a ring of {@code capacity} entries (0 disables it). Each entry keeps at most {@link
 * #BODY_LIMIT} bytes of each body, with secrets masked; the {@code Authorization} header is never
 * kept. Entries are held as JSON bytes, so the ring costs at most about {@code capacity × 33 KB}.
 */
final class RequestLog {

  /** Bytes kept of each request and response body; a longer body is cut and the entry marked {@code truncated}. */
  static final int BODY_LIMIT = 16 * 1024;
  /** API key and webhook secrets wherever they appear in a body: the prefix, then the secret part. */
  private static final Pattern SECRET = Pattern.compile("(kc_(?:test|live)_|whsec_)([A-Za-z0-9_+/=-]+)");
  /** Fields whose whole value is a secret, whatever it looks like. */
  private static final java.util.Set<String> SECRET_FIELDS = java.util.Set.of("secret", "previous_secret");

  /** What the pipeline knows about one request once it is answered. */
  record Exchange(Instant received, String method, String url, int status, String keyId, String workspaceId, String requestId,
      String idempotencyKey, boolean replayed, long durationMs, byte[] requestBody, String requestType,
      byte[] responseBody, String responseType) {}

  private final int capacity;
  private final Clock wallClock;
  private final ArrayDeque<byte[]> entries;

  RequestLog(int capacity, Clock wallClock) {
    this.capacity = capacity;
    this.wallClock = wallClock;
    this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  int capacity() {
    return capacity;
  }

  void record(Exchange exchange) {
    if (capacity == 0) {
      return;
    }
    byte[] entry = Json.bytes(entry(exchange));
    synchronized (this) {
      if (entries.size() == capacity) {
        entries.removeLast();
      }
      entries.addFirst(entry);
    }
  }

  synchronized void clear() {
    entries.clear();
  }

  /** Up to {@code limit} entries, newest first, of one workspace ({@code null} for all). */
  ArrayNode newestFirst(int limit, String workspaceId) {
    byte[][] copy;
    synchronized (this) {
      copy = entries.toArray(new byte[0][]);
    }
    ArrayNode data = Json.array();
    for (byte[] bytes : copy) {
      if (data.size() == limit) {
        break;
      }
      ObjectNode entry = parse(bytes);
      if (workspaceId == null || workspaceId.equals(entry.path("workspace_id").asText(null))) {
        data.add(entry);
      }
    }
    return data;
  }

  /** The wall-clock time now: when a request is received. */
  Instant now() {
    return wallClock.instant();
  }

  private static ObjectNode entry(Exchange e) {
    int q = e.url().indexOf('?');
    ObjectNode entry = Json.object();
    entry.put("id", e.requestId());
    entry.put("time", e.received().truncatedTo(ChronoUnit.MILLIS).toString());
    entry.put("method", e.method());
    entry.put("path", q < 0 ? e.url() : e.url().substring(0, q));
    entry.put("query", q < 0 || q == e.url().length() - 1 ? null : e.url().substring(q + 1));
    entry.put("status", e.status());
    entry.put("key_id", e.keyId());
    entry.put("workspace_id", e.workspaceId());
    entry.put("request_id", e.requestId());
    entry.put("idempotency_key", e.idempotencyKey());
    entry.put("idempotent_replayed", e.replayed());
    entry.put("duration_ms", e.durationMs());
    boolean[] truncated = {false};
    entry.set("request_body", body(e.requestBody(), e.requestType(), truncated));
    entry.set("response_body", body(e.responseBody(), e.responseType(), truncated));
    entry.put("truncated", truncated[0]);
    return entry;
  }

  /** JSON as JSON, other text as a string, anything else described; cut at {@link #BODY_LIMIT}; masked. */
  private static JsonNode body(byte[] bytes, String contentType, boolean[] truncated) {
    if (bytes == null || bytes.length == 0) {
      return Json.object().nullNode();
    }
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    boolean json = type.isEmpty() || type.contains("json");
    if (!json && !type.startsWith("text/") && !type.contains("yaml")) {
      return TextNode.valueOf("(" + bytes.length + " bytes of " + contentType + ")");
    }
    if (bytes.length > BODY_LIMIT) {
      truncated[0] = true;
      return TextNode.valueOf(mask(new String(bytes, 0, BODY_LIMIT, StandardCharsets.UTF_8)));
    }
    if (json) {
      try {
        return mask(Json.parse(bytes));
      } catch (IOException | RuntimeException e) {
        // not JSON after all: kept as text
      }
    }
    return TextNode.valueOf(mask(new String(bytes, StandardCharsets.UTF_8)));
  }

  /** A copy of {@code node} with every secret masked. */
  static JsonNode mask(JsonNode node) {
    if (node.isTextual()) {
      return TextNode.valueOf(mask(node.asText()));
    }
    if (node.isObject()) {
      ObjectNode masked = Json.object();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode value = field.getValue();
        masked.set(field.getKey(), SECRET_FIELDS.contains(field.getKey()) && value.isTextual()
            ? TextNode.valueOf(maskWhole(value.asText())) : mask(value));
      }
      return masked;
    }
    if (node.isArray()) {
      ArrayNode masked = Json.array();
      node.forEach(item -> masked.add(mask(item)));
      return masked;
    }
    return node;
  }

  /** Masks every secret in a text: {@code kc_test_…3hJ}, {@code whsec_…3xQ} (prefix and last 3 characters). */
  static String mask(String text) {
    if (text.indexOf("kc_") < 0 && text.indexOf("whsec_") < 0) {
      return text;
    }
    Matcher m = SECRET.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "…" + last3(m.group(2))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String maskWhole(String secret) {
    Matcher m = SECRET.matcher(secret);
    return m.matches() ? mask(secret) : "…" + last3(secret);
  }

  private static String last3(String s) {
    return s.length() <= 6 ? "" : s.substring(s.length() - 3);
  }

  private static ObjectNode parse(byte[] bytes) {
    try {
      return (ObjectNode) Json.parse(bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
