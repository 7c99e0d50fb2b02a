package com.kaicalls.benchmarks.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.KaiCallsMockServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Small helpers shared by the emulator harnesses: load, percentiles, HTTP, the event fast path. */
final class Bench {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private Bench() {}

  /** The 1-, 5- and 15-minute load averages, as {@code uptime} prints them. */
  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ", -1);
      return "load "
          + parts[0]
          + " "
          + parts[1]
          + " "
          + parts[2]
          + " ("
          + Runtime.getRuntime().availableProcessors()
          + " cores)";
    } catch (IOException e) {
      return "load unknown";
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Percentile {@code p} (0..100) of nanosecond samples, in milliseconds. */
  static double percentileMs(long[] samples, int count, double p) {
    long[] sorted = java.util.Arrays.copyOf(samples, count);
    java.util.Arrays.sort(sorted);
    int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100.0 * count) - 1));
    return sorted[index] / 1e6;
  }

  static String fmt(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static JsonNode get(OkHttpClient http, String url, String key) throws IOException {
    Request request =
        new Request.Builder().url(url).header("Authorization", "Bearer " + key).build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      if (response.code() / 100 != 2) {
        throw new IOException("GET " + url + " -> " + response.code() + " " + body);
      }
      return JSON.readTree(body);
    }
  }

  static JsonNode post(OkHttpClient http, String url, String key, String json) throws IOException {
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + key)
            .header("Idempotency-Key", "bench-" + System.nanoTime())
            .post(RequestBody.create(json, JSON_TYPE))
            .build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      if (response.code() / 100 != 2) {
        throw new IOException("POST " + url + " -> " + response.code() + " " + body);
      }
      return JSON.readTree(body);
    }
  }

  /**
   * Appends events straight to the emulator's ledger (the same call every state change makes, minus
   * HTTP and object creation), so that benchmarks of backfill and paging can start from a large
   * store quickly. Reflection into {@code com.kaicalls.mock.internal}: a benchmark-only fast path.
   */
  static final class EventFastPath {
    private final Object ledger;
    private final Method append;

    EventFastPath(KaiCallsMockServer mock) {
      try {
        Field emulatorField = KaiCallsMockServer.class.getDeclaredField("emulator");
        emulatorField.setAccessible(true);
        Object emulator = emulatorField.get(mock);
        this.ledger = ledgerOf(emulator);
        this.append =
            ledger
                .getClass()
                .getDeclaredMethod(
                    "append", String.class, String.class, ObjectNode.class, Instant.class);
        append.setAccessible(true);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(
            "emulator internals changed; update Bench.EventFastPath", e);
      }
    }

    /**
     * The emulator's ledger: held by the emulator or by one of the parts it wires (their fields,
     * one level down).
     */
    private static Object ledgerOf(Object emulator) throws ReflectiveOperationException {
      for (Field field : emulator.getClass().getDeclaredFields()) {
        field.setAccessible(true);
        Object part = field.get(emulator);
        if (field.getType().getSimpleName().equals("Ledger")) {
          return part;
        }
        if (part == null || !part.getClass().getName().startsWith("com.kaicalls.mock.internal.")) {
          continue;
        }
        for (Field inner : part.getClass().getDeclaredFields()) {
          if (inner.getType().getSimpleName().equals("Ledger")) {
            inner.setAccessible(true);
            return inner.get(part);
          }
        }
      }
      throw new NoSuchFieldException(
          "no Ledger in " + emulator.getClass().getName() + " or its parts");
    }

    /** Appends a {@code lead.created} event at {@code at}; returns the event. */
    ObjectNode append(String workspaceId, int n, Instant at) {
      ObjectNode lead = JSON.createObjectNode();
      lead.put("id", "lead_bench" + n);
      lead.put("object", "lead");
      lead.put("name", "Bench lead " + n);
      lead.put("phone", "+14155550100");
      lead.put("status", "new");
      lead.put("created_at", at.toString());
      try {
        return (ObjectNode) append.invoke(ledger, workspaceId, "lead.created", lead, at);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
