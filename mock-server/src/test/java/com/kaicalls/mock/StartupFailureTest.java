package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that cannot start says why in one line, exits non-zero and leaves no port open. */
class StartupFailureTest {

  @TempDir Path dataDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void stop() {
    children.forEach(Process::destroyForcibly);
  }

  private Main.Launch launch(String... args) {
    return Main.launch(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /**
   * Runs {@code Main} in a child JVM until it exits (bounded); returns its exit code, output in
   * {@code out}.
   */
  private int runChild(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                "com.kaicalls.mock.Main"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    children.add(process);
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    assertThat(exited).as("the child JVM exited").isTrue();
    out.write(process.getInputStream().readAllBytes());
    return process.exitValue();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void corruptJournal() throws Exception {
    Files.writeString(
        dataDir.resolve("journal.jsonl"),
        "{\"seq\":1,\"now\":\"2026-12-01T15:00:00Z\",\"ops\":[]}\n%%%\n");
  }

  @Test
  void anUnreadableJournalEndsTheProcessWithOneLineAndANonZeroExitCode() throws Exception {
    corruptJournal();

    int code = runChild("--port", "0", "--data-dir", dataDir.toString());

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(1);
    assertThat(printed.lines().filter(l -> l.startsWith("error: ")))
        .singleElement()
        .asString()
        .contains("journal.jsonl", "line 2 (byte offset 48)");
    assertThat(printed).doesNotContain("\tat ", "listening on");
  }

  @Test
  void withRepairJournalTheCommandLineMovesTheUnreadableTailAsideAndStarts() throws Exception {
    KaiCallsMockServer.start(
            MockServerOptions.builder().port(0).seed(Seed.EMPTY).dataDir(dataDir).build())
        .close();
    Files.writeString(
        dataDir.resolve("journal.jsonl"), "%%%\n", java.nio.file.StandardOpenOption.APPEND);

    Main.Launch launch =
        launch(
            "--port", "0", "--seed", "empty", "--data-dir", dataDir.toString(), "--repair-journal");

    try {
      assertThat(launch.exitCode).isZero();
      assertThat(Files.readString(dataDir.resolve("journal.jsonl.unreadable-1")))
          .isEqualTo("%%%\n");
      assertThat(
              new ApiClient(launch.server.baseUrl(), launch.server.apiKey()).get("/v1/me").status())
          .isEqualTo(200);
    } finally {
      if (launch.server != null) {
        launch.server.close();
      }
    }
  }

  @Test
  void aFailedEmbeddedStartLeavesItsPortClosed() throws Exception {
    corruptJournal();
    int port = freePort();

    assertThatThrownBy(
            () ->
                KaiCallsMockServer.start(
                    MockServerOptions.builder().port(port).dataDir(dataDir).build()))
        .isInstanceOf(IllegalStateException.class);

    try (ServerSocket rebound = new ServerSocket()) {
      rebound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      assertThat(rebound.isBound()).isTrue();
    }
  }

  @Test
  // The resource is never used: it only holds the data directory while the child starts.
  @SuppressWarnings("try")
  void aSecondProcessOnAHeldDataDirectoryExitsWithOneLineNamingIt() throws Exception {
    try (KaiCallsMockServer holder =
        KaiCallsMockServer.start(MockServerOptions.builder().port(0).dataDir(dataDir).build())) {
      int code = runChild("--port", "0", "--data-dir", dataDir.toString());

      assertThat(code).isEqualTo(1);
      assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()))
          .singleElement()
          .asString()
          .startsWith("error: The data directory " + dataDir.toAbsolutePath() + " is in use")
          .contains("pid " + ProcessHandle.current().pid());
    }
  }

  @Test
  void aPortAlreadyInUseEndsTheProcessWithExactlyOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int code = runChild("--port", Integer.toString(taken.getLocalPort()));

      assertThat(code).isEqualTo(1);
      assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()))
          .singleElement()
          .asString()
          .startsWith("error: Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
    }
  }

  @Test
  void aPortAlreadyInUseIsOneLineNamingThePortAndExitCode1() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Main.Launch launch = launch("--port", Integer.toString(taken.getLocalPort()));

      assertThat(launch.exitCode).isEqualTo(1);
      assertThat(launch.server).isNull();
      assertThat(err.toString(StandardCharsets.UTF_8).lines())
          .singleElement()
          .asString()
          .startsWith("error: Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
    }
  }
}
