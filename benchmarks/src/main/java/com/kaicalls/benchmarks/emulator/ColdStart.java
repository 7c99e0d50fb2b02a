package com.kaicalls.benchmarks.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issue #5, cold start: spawns {@code java -jar kaicalls-mock-server.jar --port 0} N times and
 * measures, from just before the process starts, until the first {@code GET /v1/me} with the demo
 * key answers 200. Several jars (comma-separated) are started in turn, interleaved, to compare
 * builds under the same load. As a reference for the machine's load it also times a bare JVM
 * ({@code java -version}) before each round.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.kaicalls.benchmarks.emulator.ColdStart \
 *     mock-server/target/kaicalls-mock-server.jar[,other.jar] [runs=10]
 * </pre>
 */
public final class ColdStart {

  private static final String DEMO_KEY = "kc_test_demo_4f7Q2xLm9RtV8nB1pK6sW3hJ";
  private static final long DEADLINE_MS = 30_000;
  private static final String MARKER = "listening on ";

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    String[] jars =
        (args.length > 0 ? args[0] : "mock-server/target/kaicalls-mock-server.jar").split(",");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    System.out.println(
        "cold start of " + String.join(", ", jars) + ", " + runs + " runs each; " + Bench.load());
    List<List<Double>> firstOk = new ArrayList<>();
    for (int j = 0; j < jars.length; j++) {
      firstOk.add(new ArrayList<>());
    }
    List<Double> bareJvm = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      bareJvm.add(bareJvm(java));
      StringBuilder line =
          new StringBuilder(String.format("run %d: bare JVM %.0f ms", i + 1, bareJvm.get(i)));
      for (int j = 0; j < jars.length; j++) {
        double ms = once(java, Path.of(jars[j]));
        firstOk.get(j).add(ms);
        line.append(
            String.format(", %s first 200 after %.0f ms", Path.of(jars[j]).getFileName(), ms));
      }
      System.out.println(line);
    }
    for (int j = 0; j < jars.length; j++) {
      List<Double> times = firstOk.get(j);
      Collections.sort(times);
      System.out.printf(
          "%s first 200: min %.0f ms, median %.0f ms, max %.0f ms%n",
          jars[j], times.get(0), Bench.median(times), times.get(times.size() - 1));
    }
    Collections.sort(bareJvm);
    System.out.printf(
        "bare JVM (java -version): min %.0f ms, median %.0f ms%n",
        bareJvm.get(0), Bench.median(bareJvm));
    System.out.println(Bench.load());
  }

  private static double bareJvm(String java) throws Exception {
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(java, "-version")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    p.waitFor();
    return (System.nanoTime() - start) / 1e6;
  }

  /** One cold start; the process is stopped (by its own handle) before returning. */
  private static double once(String java, Path jar) throws Exception {
    AtomicReference<String> baseUrl = new AtomicReference<>();
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0")
            .redirectErrorStream(true)
            .start();
    try {
      Thread reader = new Thread(() -> readBaseUrl(p, baseUrl), "cold-start-stdout");
      reader.setDaemon(true);
      reader.start();
      long deadline = System.currentTimeMillis() + DEADLINE_MS;
      while (System.currentTimeMillis() < deadline) {
        String url = baseUrl.get();
        if (url != null && status(url + "/v1/me") == 200) {
          return (System.nanoTime() - start) / 1e6;
        }
        if (!p.isAlive()) {
          throw new IllegalStateException("mock server exited with " + p.exitValue());
        }
        Thread.sleep(url == null ? 2 : 5);
      }
      throw new IllegalStateException("no 200 from /v1/me within " + DEADLINE_MS + " ms");
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  private static void readBaseUrl(Process p, AtomicReference<String> baseUrl) {
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        int at = line.indexOf(MARKER);
        if (at >= 0 && baseUrl.get() == null) {
          baseUrl.set(line.substring(at + MARKER.length()).trim());
        }
      }
    } catch (IOException ignored) {
      // the process was stopped
    }
  }

  private static int status(String url) {
    try {
      HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(2000);
      c.setRequestProperty("Authorization", "Bearer " + DEMO_KEY);
      int code = c.getResponseCode();
      c.getInputStream().readAllBytes();
      c.disconnect();
      return code;
    } catch (IOException e) {
      return -1;
    }
  }
}
