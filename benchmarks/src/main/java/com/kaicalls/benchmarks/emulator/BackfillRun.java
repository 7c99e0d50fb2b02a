package com.kaicalls.benchmarks.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.MockServerOptions;
import com.kaicalls.mock.Seed;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;

/**
 * Issue #6, deliveries: an emulator (manual clock, empty seed) with N events (added through {@link
 * Bench.EventFastPath}), one subscription ({@code *}) to a local JDK HttpServer that answers 200,
 * and a backfill of all N events, run by one {@code advanceClock(Duration.ZERO)} (which returns
 * when every attempt has finished). Reports the total time, deliveries received per second (average
 * and best 1 s), the peak heap used and the backfill's final counts. By default the run happens in
 * a child JVM with {@code -Xmx256m}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.kaicalls.benchmarks.emulator.BackfillRun [events=100000] [heap=256m]
 * </pre>
 */
public final class BackfillRun {

  private static final String WORKSPACE = "ws_demo";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final long TIMEOUT_MINUTES = 15;

  private BackfillRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      System.exit(child(Integer.parseInt(args[1])));
      return;
    }
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String heap = args.length > 1 ? args[1] : "256m";
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx" + heap,
                "-XX:+ExitOnOutOfMemoryError",
                "-Dsun.net.httpserver.nodelay=true",
                "-cp",
                System.getProperty("java.class.path"),
                BackfillRun.class.getName(),
                "--child",
                Integer.toString(events))
            .inheritIO()
            .start();
    if (!child.waitFor(TIMEOUT_MINUTES + 1, TimeUnit.MINUTES)) {
      child.destroyForcibly();
      System.out.println("child JVM timed out");
      System.exit(1);
    }
    System.out.println("child JVM (-Xmx" + heap + ") exit code " + child.exitValue());
    System.exit(child.exitValue());
  }

  private static int child(int events) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    OkHttpClient http = new OkHttpClient();
    try (Receiver receiver = new Receiver(8);
        KaiCallsMockServer mock =
            KaiCallsMockServer.start(
                MockServerOptions.builder()
                    .port(0)
                    .seed(Seed.EMPTY)
                    .clockMode(ClockMode.MANUAL)
                    .startTime(T0)
                    .build())) {
      String key = mock.apiKey();
      Bench.EventFastPath fast = new Bench.EventFastPath(mock);
      long insertStart = System.nanoTime();
      for (int i = 0; i < events; i++) {
        fast.append(WORKSPACE, i, T0.minusSeconds((events - i) / 100 + 1));
      }
      double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
      System.out.printf(
          "%d events added in %.1f s; heap retained after GC %d MB of max %d MB; %s%n",
          events,
          insertSeconds,
          retainedMb(memory),
          memory.getHeapMemoryUsage().getMax() >> 20,
          Bench.load());
      JsonNode sub =
          Bench.post(
              http,
              mock.baseUrl() + "/v1/webhook-subscriptions",
              key,
              "{\"url\":\"" + receiver.url() + "\",\"event_types\":[\"*\"]}");
      JsonNode backfill =
          Bench.post(
              http,
              mock.baseUrl() + "/v1/events/backfill",
              key,
              "{\"subscription_id\":\""
                  + sub.get("id").asText()
                  + "\",\"created_after\":\""
                  + T0.minus(Duration.ofDays(1))
                  + "\",\"created_before\":\""
                  + T0
                  + "\"}");
      System.out.println(
          "backfill " + backfill.get("id").asText() + " total " + backfill.get("total").asLong());

      long peakHeap = 0;
      List<Long> perSecond = new ArrayList<>();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      long start = System.nanoTime();
      Thread advance =
          new Thread(
              () -> {
                try {
                  mock.advanceClock(Duration.ZERO);
                } catch (Throwable t) {
                  failure.set(t);
                }
              },
              "backfill-advance");
      advance.start();
      long deadline = start + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
      long lastCount = 0;
      long nextTick = start + TimeUnit.SECONDS.toNanos(1);
      while (advance.isAlive() && System.nanoTime() < deadline) {
        advance.join(100);
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        if (System.nanoTime() >= nextTick) {
          long count = receiver.received();
          perSecond.add(count - lastCount);
          lastCount = count;
          nextTick += TimeUnit.SECONDS.toNanos(1);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (advance.isAlive()) {
        System.out.printf(
            "TIMEOUT after %.0f s: %d of %d received%n", seconds, receiver.received(), events);
        return 1;
      }
      if (failure.get() != null) {
        System.out.println("FAILED: " + failure.get());
        return failure.get() instanceof OutOfMemoryError ? 3 : 1;
      }
      JsonNode done =
          Bench.get(http, mock.baseUrl() + "/v1/backfills/" + backfill.get("id").asText(), key);
      long best = perSecond.stream().mapToLong(Long::longValue).max().orElse(0);
      System.out.printf(
          "backfill of %d events: %.1f s, %d received, %.0f deliveries/s average, best 1 s %d; "
              + "peak heap used %d MB; backfill status %s, delivered %d, failed %d, queued %d; %s%n",
          events,
          seconds,
          receiver.received(),
          receiver.received() / seconds,
          best,
          peakHeap >> 20,
          done.get("status").asText(),
          done.get("delivered").asLong(),
          done.get("failed").asLong(),
          done.get("queued").asLong(),
          Bench.load());
      System.out.println("per second: " + perSecond);
      System.out.println("heap retained after GC, backfill done: " + retainedMb(memory) + " MB");
      return receiver.received() >= events && done.get("status").asText().equals("completed")
          ? 0
          : 1;
    } catch (OutOfMemoryError e) {
      System.out.println("OUT OF MEMORY: " + e);
      return 3;
    } finally {
      http.dispatcher().executorService().shutdown();
    }
  }

  private static long retainedMb(MemoryMXBean memory) {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed() >> 20;
  }
}
