package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code KAICALLS_LOG} alone, with no logging configuration, is enough to see requests on stderr.
 */
class LoggingToStderrTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;

  @Test
  void with_only_kaicalls_log_debug_set_the_request_line_reaches_stderr_with_the_key_redacted()
      throws Exception {
    server.stubFor(
        Fixtures.route("GET", "/v1/me").willReturn(Fixtures.json(200, Fixtures.meJson())));

    Output out = runChild(Map.of("KAICALLS_LOG", "debug"));

    assertThat(out.stderr).contains("--> GET " + server.baseUrl() + "/v1/me (getMe, attempt 1)");
    assertThat(out.stderr).contains("Authorization=[redacted]");
    assertThat(out.stderr).contains("<-- 200 GET " + server.baseUrl() + "/v1/me");
    assertThat(out.stderr).doesNotContain("unitTestKey");
    assertThat(out.stdout).contains("root-level=INFO root-handlers=1");
  }

  @Test
  void with_kaicalls_log_info_each_request_and_response_is_one_line() throws Exception {
    server.stubFor(
        Fixtures.route("GET", "/v1/me").willReturn(Fixtures.json(200, Fixtures.meJson())));

    Output out = runChild(Map.of("KAICALLS_LOG", "info"));

    assertThat(out.stderr.lines().filter(l -> l.contains("/v1/me"))).hasSize(2);
    assertThat(out.stderr).doesNotContain("Authorization").doesNotContain("unitTestKey");
  }

  @Test
  void without_kaicalls_log_nothing_is_printed_and_the_root_logger_is_untouched() throws Exception {
    server.stubFor(
        Fixtures.route("GET", "/v1/me").willReturn(Fixtures.json(200, Fixtures.meJson())));

    Output out = runChild(Map.of());

    assertThat(out.stderr).isEmpty();
    assertThat(out.stdout).contains("root-level=INFO root-handlers=1");
  }

  private Output runChild(Map<String, String> env) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    File stdout = dir.resolve("stdout").toFile();
    File stderr = dir.resolve("stderr").toFile();
    ProcessBuilder child =
        new ProcessBuilder(
                java,
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                LoggingChildJvmMain.class.getName(),
                server.baseUrl(),
                TestClients.API_KEY)
            .redirectOutput(stdout)
            .redirectError(stderr)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    child.environment().clear();
    child.environment().putAll(env);
    Process process = child.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
    assertThat(process.exitValue()).as("exit status; stderr: %s", read(stderr)).isZero();
    return new Output(read(stdout), read(stderr));
  }

  private static String read(File file) throws IOException {
    return new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
  }

  private static final class Output {
    final String stdout;
    final String stderr;

    Output(String stdout, String stderr) {
      this.stdout = stdout;
      this.stderr = stderr;
    }
  }
}
