package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Main.Launch launch(String... args) {
    return Main.launch(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void startingOnPortZeroPrintsTheBaseUrlAndKeyAndAnswersMe() {
    Main.Launch launch = launch("--port", "0", "--seed", "empty");
    try {
      String printed = out.toString(StandardCharsets.UTF_8);
      Matcher url = Pattern.compile("listening on (http://\\S+)").matcher(printed);
      assertThat(url.find()).isTrue();
      assertThat(printed).contains(MockServerOptions.DEFAULT_API_KEY);

      ApiClient.Reply me =
          new ApiClient(url.group(1), MockServerOptions.DEFAULT_API_KEY).get("/v1/me");

      assertThat(launch.exitCode).isZero();
      assertThat(me.status()).isEqualTo(200);
    } finally {
      launch.server.close();
    }
  }

  @Test
  void verboseLogsOneLinePerRequestWithTheKeyIdButNeverTheSecret() {
    Main.Launch launch = launch("--port", "0", "--seed", "empty", "--verbose");
    try {
      Matcher url =
          Pattern.compile("listening on (http://\\S+)")
              .matcher(out.toString(StandardCharsets.UTF_8));
      assertThat(url.find()).isTrue();
      out.reset();

      new ApiClient(url.group(1), MockServerOptions.DEFAULT_API_KEY).get("/v1/me");
      new ApiClient(url.group(1), MockServerOptions.DEFAULT_API_KEY)
          .get("/v1/communication-runs/run_missing");

      String log = out.toString(StandardCharsets.UTF_8);
      assertThat(log.lines().filter(l -> l.startsWith("GET "))).hasSize(2);
      assertThat(log)
          .contains("GET /v1/me 200 key=key_")
          .contains("GET /v1/communication-runs/run_missing 404");
      assertThat(log).doesNotContain(MockServerOptions.DEFAULT_API_KEY);
    } finally {
      launch.server.close();
    }
  }

  @Test
  void helpListsEveryOption() {
    Main.Launch launch = launch("--help");

    assertThat(launch.exitCode).isZero();
    assertThat(launch.server).isNull();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "--port",
            "--host",
            "--api-key",
            "--seed",
            "--rate-limit",
            "--repair-journal",
            "--allowed-host",
            "--verbose",
            "--help",
            "--seed-file",
            "--snapshot-on-exit",
            "--request-log-size",
            "--webhook-timeout",
            "/__admin/kaicalls/requests",
            "/__admin/kaicalls/snapshot");
  }

  @Test
  void aBadRequestLogSizeIsExitCode2() {
    Main.Launch negative = launch("--request-log-size", "-1");
    Main.Launch notANumber = launch("--request-log-size=lots");

    assertThat(negative.exitCode).isEqualTo(2);
    assertThat(notANumber.exitCode).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "requestLogSize must be 0..100000", "--request-log-size must be a number, was 'lots'");
  }

  @Test
  void aBadWebhookTimeoutIsExitCode2() {
    Main.Launch zero = launch("--webhook-timeout", "0");
    Main.Launch notANumber = launch("--webhook-timeout=soon");

    assertThat(zero.exitCode).isEqualTo(2);
    assertThat(notANumber.exitCode).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "webhookTimeout must be more than 0 and at most 10 minutes, was PT0S",
            "--webhook-timeout must be a number of seconds, was 'soon'");
  }

  @Test
  void aSeedFileThatDoesNotExistIsOneLineAndExitCode1() {
    Main.Launch launch = launch("--port", "0", "--seed-file", "/nonexistent/seed.json");

    assertThat(launch.exitCode).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .startsWith("error: The seed snapshot /nonexistent/seed.json" + " cannot be read")
        .doesNotContain("\n");
  }

  @Test
  void allowedHostIsRepeatableAndAnsweredBesidesTheLoopback() {
    Main.Launch launch =
        launch(
            "--port",
            "0",
            "--seed",
            "empty",
            "--allowed-host",
            "kaicalls-mock",
            "--allowed-host=tunnel.example:443");
    try {
      int port = launch.server.port();
      String me =
          "GET /v1/me HTTP/1.1\r\nAuthorization: Bearer "
              + MockServerOptions.DEFAULT_API_KEY
              + "\r\nHost: ";

      assertThat(RawHttp.send(port, me + "kaicalls-mock:" + port, null).status()).isEqualTo(200);
      assertThat(RawHttp.send(port, me + "tunnel.example:443", null).status()).isEqualTo(200);
      assertThat(RawHttp.send(port, me + "tunnel.example:444", null).status()).isEqualTo(403);
      assertThat(RawHttp.send(port, me + "other.example", null).status()).isEqualTo(403);
    } finally {
      launch.server.close();
    }
  }

  @Test
  void aBadAllowedHostIsExitCode2() {
    assertThat(launch("--allowed-host", "evil.example/path").exitCode).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--allowed-host");
  }

  @Test
  void anUnknownFlagPrintsUsageOnStderrWithExitCode2() {
    Main.Launch launch = launch("--bogus");

    assertThat(launch.exitCode).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--bogus'", "Usage:");
  }

  @Test
  void aBadSeedOrPortIsExitCode2() {
    assertThat(launch("--seed", "lots").exitCode).isEqualTo(2);
    assertThat(launch("--port", "eighty").exitCode).isEqualTo(2);
    assertThat(launch("--api-key", "sk_live_x").exitCode).isEqualTo(2);
  }
}
