package com.kaicalls.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * A cross-check of the JMH ratios on a loaded machine: runs the benchmark methods alternately,
 * {@code slice} milliseconds each per round, and times each slice by the thread's CPU time, so that
 * time the thread spends descheduled (other builds on the same cores) is not counted. Prints, for
 * each method after the first, the median and quartiles over the rounds of its throughput divided
 * by the first method's throughput in the same round.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.kaicalls.benchmarks.Interleaved webhook 1024
 * java -cp benchmarks/target/benchmarks.jar com.kaicalls.benchmarks.Interleaved webhook 65536
 * java -cp benchmarks/target/benchmarks.jar com.kaicalls.benchmarks.Interleaved sdk
 * java -cp benchmarks/target/benchmarks.jar com.kaicalls.benchmarks.Interleaved sdk-async
 * </pre>
 *
 * <p>Thread CPU time leaves out work done on other threads: for the SDK benchmark that is the
 * server and OkHttp's timeout watchdog, so its figures are client-thread cost only. {@code
 * sdk-async} compares the async client with the blocking one; its work is spread over OkHttp's and
 * the callback threads, so it counts the whole process's CPU time (server included, the same for
 * both sides) for single calls, and wall time for eight calls fanned out, where waiting less is the
 * point.
 */
public final class Interleaved {

  private static final int WARMUP_ROUNDS = 10;
  private static final int ROUNDS = 30;
  private static final long SLICE_NANOS = 100_000_000L;

  // A blackhole: written each call so the JIT cannot drop the measured work.
  @SuppressWarnings("UnusedVariable")
  private static volatile Object sink;

  private Interleaved() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("sdk-async")) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
      SdkOverheadBenchmark sdk = new SdkOverheadBenchmark();
      sdk.start();
      try {
        LongSupplier processCpu = Interleaved::processCpuNanos;
        compare(
            processCpu,
            new String[] {"retrieveRunSdk", "retrieveRunSdkAsync"},
            sdk::retrieveRunSdk,
            sdk::retrieveRunSdkAsync);
        compare(
            processCpu,
            new String[] {"list100RunsSdk", "list100RunsSdkAsync"},
            sdk::list100RunsSdk,
            sdk::list100RunsSdkAsync);
        compare(
            System::nanoTime,
            new String[] {"retrieve8RunsSdk", "retrieve8RunsSdkAsync"},
            sdk::retrieve8RunsSdk,
            sdk::retrieve8RunsSdkAsync);
      } finally {
        sdk.stop();
      }
      System.exit(0);
    }
    if (args.length > 0 && args[0].equals("sdk")) {
      System.setProperty("sun.net.httpserver.nodelay", "true"); // as the JMH fork does
      SdkOverheadBenchmark sdk = new SdkOverheadBenchmark();
      sdk.start();
      try {
        compare(
            new String[] {"retrieveRunHandWritten", "retrieveRunSdk"},
            sdk::retrieveRunHandWritten,
            sdk::retrieveRunSdk);
        compare(
            new String[] {"list100RunsHandWritten", "list100RunsSdk"},
            sdk::list100RunsHandWritten,
            sdk::list100RunsSdk);
      } finally {
        sdk.stop();
      }
      System.exit(0); // the server's and OkHttp's pool threads would keep the JVM alive
    }
    WebhookVerifyBenchmark webhook = new WebhookVerifyBenchmark();
    webhook.bodySize = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
    webhook.setUp();
    compare(
        new String[] {"bareMac", "kaicallsVerifier", "svix"},
        webhook::bareMac,
        webhook::kaicallsVerifier,
        webhook::svix);
  }

  @SafeVarargs
  private static void compare(String[] names, Callable<Object>... methods) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    compare(threads::getCurrentThreadCpuTime, names, methods);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Runs the methods in turn; {@code clock} (nanoseconds) is what each slice's cost is measured in.
   */
  @SafeVarargs
  private static void compare(LongSupplier clock, String[] names, Callable<Object>... methods)
      throws Exception {
    int n = methods.length;
    double[][] opsPerCpuSecond = new double[n][ROUNDS];
    for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
      for (int m = 0; m < n; m++) {
        long ops = 0;
        long startCpu = clock.getAsLong();
        long endWall = System.nanoTime() + SLICE_NANOS;
        do {
          for (int i = 0; i < 16; i++) {
            sink = methods[m].call();
          }
          ops += 16;
        } while (System.nanoTime() < endWall);
        long cpu = clock.getAsLong() - startCpu;
        if (round >= 0) {
          opsPerCpuSecond[m][round] = ops * 1e9 / cpu;
        }
      }
    }
    for (int m = 0; m < n; m++) {
      double[] ratio = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        ratio[r] = opsPerCpuSecond[m][r] / opsPerCpuSecond[0][r];
      }
      double[] ops = opsPerCpuSecond[m].clone();
      Arrays.sort(ratio);
      Arrays.sort(ops);
      System.out.printf(
          Locale.ROOT,
          "%-24s median %,12.0f ops per second measured   vs %s: median %.3f (quartiles %.3f-%.3f)%n",
          names[m],
          ops[ROUNDS / 2],
          names[0],
          ratio[ROUNDS / 2],
          ratio[ROUNDS / 4],
          ratio[3 * ROUNDS / 4]);
    }
  }
}
