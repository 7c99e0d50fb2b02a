package com.kaicalls.mock.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.kaicalls.mock.internal.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The most recent API requests, newest first, for {@code GET /__admin/kaicalls/requests} and the
 * logs page: a ring of {@code capacity} entries (0 disables it). Each entry keeps at most {@link
 * #BODY_LIMIT} bytes of each body, with secrets masked; the {@code Authorization} header is never
 * kept. Bodies are kept as bytes and entries rendered as JSON only when read, so the ring costs at
 * most about {@code capacity × 33 KB} and recording a request little.
 */
public final class RequestLog {

  /**
   * Bytes kept of each request and response body; a longer body is cut and the entry marked {@code
   * truncated}.
   */
  static final int BODY_LIMIT = 16 * 1024;

  /**
   * API key and webhook secrets wherever they appear in a body: the prefix, then the secret part.
   */
  private static final Pattern SECRET =
      Pattern.compile("(kc_(?:test|live)_|whsec_)([A-Za-z0-9_+/=-]+)");

  /** Fields whose whole value is a secret, whatever it looks like. */
  private static final java.util.Set<String> SECRET_FIELDS =
      java.util.Set.of("secret", "previous_secret");

  private static final byte[] WHSEC = "whsec_".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SECRET_WORD = "secret".getBytes(StandardCharsets.US_ASCII);

  /** What the pipeline knows about one request once it is answered. */
  record Exchange(
      Instant received,
      String method,
      String url,
      int status,
      String keyId,
      String workspaceId,
      String requestId,
      String idempotencyKey,
      boolean replayed,
      long durationMs,
      byte[] requestBody,
      String requestType,
      byte[] responseBody,
      String responseType) {}

  /**
   * A body as kept: at most {@link #BODY_LIMIT} bytes, secrets already masked; {@code json} when it
   * may be JSON.
   */
  private record Body(byte[] bytes, boolean json, boolean truncated, String description) {}

  /**
   * An entry as kept: rendered as JSON only when the log is read, so recording costs the API path
   * little.
   */
  private record Entry(Exchange exchange, Body request, Body response) {}

  private static final Body NONE = new Body(null, false, false, null);

  private final int capacity;
  private final Clock wallClock;
  private final ArrayDeque<Entry> entries;

  public RequestLog(int capacity, Clock wallClock) {
    this.capacity = capacity;
    this.wallClock = wallClock;
    this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /** The wall-clock time now: when a request is received. */
  Instant now() {
    return wallClock.instant();
  }

  void record(Exchange exchange) {
    if (capacity == 0) {
      return;
    }
    Entry entry =
        new Entry(
            exchange,
            keep(exchange.requestBody(), exchange.requestType()),
            keep(exchange.responseBody(), exchange.responseType()));
    synchronized (this) {
      if (entries.size() == capacity) {
        entries.removeLast();
      }
      entries.addFirst(entry);
    }
  }

  public synchronized void clear() {
    entries.clear();
  }

  /**
   * Up to {@code limit} entries ({@code null}: 100, or the log's size when smaller), newest first,
   * of one workspace ({@code null}: all), as a list document.
   *
   * @throws IllegalArgumentException for a limit outside 1 to the log's size (saying so)
   */
  public ObjectNode list(Integer limit, String workspaceId) {
    int max = Math.max(1, capacity);
    if (limit == null) {
      limit = Math.min(100, max);
    } else if (limit < 1 || limit > max) {
      throw new IllegalArgumentException(
          "limit must be an integer from 1 to " + max + " (the request log's size).");
    }
    ObjectNode list = Json.object().put("object", "list");
    list.set("data", newestFirst(limit, workspaceId));
    return list;
  }

  /** Up to {@code limit} entries, newest first, of one workspace ({@code null} for all). */
  ArrayNode newestFirst(int limit, String workspaceId) {
    Entry[] copy;
    synchronized (this) {
      copy = entries.toArray(new Entry[0]);
    }
    ArrayNode data = Json.array();
    for (Entry entry : copy) {
      if (data.size() == limit) {
        break;
      }
      if (workspaceId == null || workspaceId.equals(entry.exchange().workspaceId())) {
        data.add(render(entry));
      }
    }
    return data;
  }

  private static ObjectNode render(Entry kept) {
    Exchange e = kept.exchange();
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
    entry.set("request_body", render(kept.request()));
    entry.set("response_body", render(kept.response()));
    entry.put("truncated", kept.request().truncated() || kept.response().truncated());
    return entry;
  }

  private static JsonNode render(Body body) {
    if (body.description() != null) {
      return TextNode.valueOf(body.description());
    }
    if (body.bytes() == null) {
      return Json.object().nullNode();
    }
    if (body.json()) {
      try {
        return Json.parse(body.bytes());
      } catch (IOException | RuntimeException e) {
        // declared JSON but is not: shown as text
      }
    }
    return TextNode.valueOf(new String(body.bytes(), StandardCharsets.UTF_8));
  }

  /**
   * What is kept of a body: JSON or text cut at {@link #BODY_LIMIT}, secrets masked (a body that
   * holds none of their markers is kept as it is, unparsed), anything else only described.
   */
  private static Body keep(byte[] bytes, String contentType) {
    if (bytes == null || bytes.length == 0) {
      return NONE;
    }
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    boolean json = type.isEmpty() || type.contains("json");
    if (!json && !type.startsWith("text/") && !type.contains("yaml")) {
      return new Body(null, false, false, "(" + bytes.length + " bytes of " + contentType + ")");
    }
    boolean truncated = bytes.length > BODY_LIMIT;
    byte[] kept = truncated ? Arrays.copyOf(bytes, BODY_LIMIT) : bytes;
    if (!mayHoldSecret(kept)) {
      return new Body(kept, json && !truncated, truncated, null);
    }
    if (json && !truncated) {
      try {
        return new Body(Json.bytes(mask(Json.parse(kept))), true, false, null);
      } catch (IOException | RuntimeException e) {
        // not JSON after all: masked as text
      }
    }
    String text = new String(kept, StandardCharsets.UTF_8);
    return new Body(mask(text).getBytes(StandardCharsets.UTF_8), false, truncated, null);
  }

  /** Whether the bytes contain a secret's prefix or a secret field's name (most bodies do not). */
  private static boolean mayHoldSecret(byte[] bytes) {
    for (int i = 0; i + 3 <= bytes.length; i++) {
      byte b = bytes[i];
      if ((b == 'k' && bytes[i + 1] == 'c' && bytes[i + 2] == '_')
          || (b == 'w' && startsWith(bytes, i, WHSEC))
          || (b == 's' && startsWith(bytes, i, SECRET_WORD))) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
    if (at + prefix.length > bytes.length) {
      return false;
    }
    for (int j = 0; j < prefix.length; j++) {
      if (bytes[at + j] != prefix[j]) {
        return false;
      }
    }
    return true;
  }

  /** A copy of {@code node} with every secret masked. */
  static JsonNode mask(JsonNode node) {
    if (node.isTextual()) {
      return TextNode.valueOf(mask(node.asText()));
    }
    if (node.isObject()) {
      ObjectNode masked = Json.object();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode value = field.getValue();
        masked.set(
            field.getKey(),
            SECRET_FIELDS.contains(field.getKey()) && value.isTextual()
                ? TextNode.valueOf(maskWhole(value.asText()))
                : mask(value));
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

  /**
   * Masks every secret in a text: {@code kc_test_…3hJ}, {@code whsec_…3xQ} (prefix and last 3
   * characters).
   */
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
}
