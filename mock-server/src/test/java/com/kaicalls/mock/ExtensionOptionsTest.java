package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code KaiCallsMockExtension.withOptions(...)}: every setting of {@link MockServerOptions}
 * reaches the server.
 */
class ExtensionOptionsTest {

  private static final String KEY = "kc_test_extension_demo_key1";
  private static final String OTHER_KEY = "kc_test_extension_other_key2";
  private static final String AGENCY_KEY = "kc_test_extension_agency_key3";
  private static final Instant START = Instant.parse("2026-12-01T15:00:00Z");
  private static final Instant WALL = Instant.parse("2026-11-30T09:00:00Z");

  /** The settings {@link #everySettingOfTheOptionsReachesTheServer} makes and checks. */
  private static final Set<String> CHECKED =
      Set.of(
          "port",
          "host",
          "apiKey",
          "otherWorkspaceApiKey",
          "agencyApiKey",
          "seed",
          "seedFile",
          "seedResource",
          "verbose",
          "requestLog",
          "rateLimit",
          "clock",
          "clockMode",
          "speed",
          "startTime",
          "dataDir",
          "repairJournal",
          "allowedHost",
          "requestLogSize",
          "snapshotOnExit");

  /** The extension with options set programmatically never looks at its context. */
  private static final ExtensionContext NO_CONTEXT =
      (ExtensionContext)
          Proxy.newProxyInstance(
              ExtensionContext.class.getClassLoader(),
              new Class<?>[] {ExtensionContext.class},
              (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
              });

  @Test
  void theOptionsTestChecksEverySettingOfTheOptionsBuilder() {
    Set<String> settings =
        Arrays.stream(MockServerOptions.Builder.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.getName().equals("build"))
            .map(Method::getName)
            .collect(Collectors.toSet());

    assertThat(CHECKED)
        .as("a new option needs a check in everySettingOfTheOptionsReachesTheServer")
        .isEqualTo(settings);
  }

  @Test
  void everySettingOfTheOptionsReachesTheServer(@TempDir Path dir) throws Exception {
    int port = freePort();
    Path seedFile = dir.resolve("seed.json");
    try (InputStream fixture = getClass().getResourceAsStream("/fixtures/one-subscription.json")) {
      Files.write(seedFile, fixture.readAllBytes());
    }
    Path dataDir = Files.createDirectories(dir.resolve("data"));
    Files.write(
        dataDir.resolve("journal.jsonl"), "not a journal line\n".getBytes(StandardCharsets.UTF_8));
    Path onExit = dir.resolve("on-exit.json");
    List<String> logged = new CopyOnWriteArrayList<>();
    KaiCallsMockExtension extension =
        KaiCallsMockExtension.withOptions(
            options ->
                options
                    .port(port)
                    .host("localhost")
                    .apiKey(KEY)
                    .otherWorkspaceApiKey(OTHER_KEY)
                    .agencyApiKey(AGENCY_KEY)
                    .seedResource("fixtures/does-not-exist.json")
                    .seed(Seed.EMPTY)
                    .seedFile(seedFile)
                    .verbose(true)
                    .requestLog(logged::add)
                    .rateLimit(RateLimit.perMinute(50))
                    .clock(Clock.fixed(WALL, ZoneOffset.UTC))
                    .clockMode(ClockMode.MANUAL)
                    .speed(2.0)
                    .startTime(START)
                    .dataDir(dataDir)
                    .repairJournal(true)
                    .allowedHost("emulator.test")
                    .requestLogSize(5)
                    .snapshotOnExit(onExit));

    extension.beforeAll(NO_CONTEXT);
    try {
      KaiCallsMockServer server = extension.server();
      ApiClient api = new ApiClient(server.baseUrl(), KEY);
      ApiClient.Reply subscriptions = api.get("/v1/webhook-subscriptions");
      RawHttp.Reply clock =
          RawHttp.send(
              port, "GET /__admin/kaicalls/clock HTTP/1.1\r\nHost: localhost:" + port, null);
      RawHttp.Reply viaAllowedHost =
          RawHttp.send(
              port,
              "GET /v1/me HTTP/1.1\r\nHost: emulator.test\r\n"
                  + "Authorization: Bearer "
                  + OTHER_KEY,
              null);

      assertThat(server.baseUrl()).isEqualTo("http://localhost:" + port);
      assertThat(server.apiKey()).isEqualTo(KEY);
      assertThat(server.otherWorkspaceApiKey()).isEqualTo(OTHER_KEY);
      assertThat(server.agencyApiKey()).isEqualTo(AGENCY_KEY);
      assertThat(subscriptions.json().path("data").findValuesAsText("url"))
          .as("the seed file, given last, wins over the seed and the seed resource")
          .containsExactly("https://hooks.example.com/fixture");
      assertThat(subscriptions.header("RateLimit-Limit")).isEqualTo("50");
      assertThat(logged).anyMatch(line -> line.startsWith("GET /v1/webhook-subscriptions 200"));
      assertThat(server.clock().instant()).isEqualTo(START);
      assertThat(clock.json().path("mode").asText()).isEqualTo("manual");
      assertThat(clock.json().path("speed").asDouble()).isEqualTo(2.0);
      assertThat(server.admin().requests(1).get(0).time())
          .as("the wall clock stamps the log")
          .isEqualTo(WALL);
      assertThat(viaAllowedHost.status()).isEqualTo(200);
      assertThatThrownBy(() -> server.admin().requests(6)).hasMessageContaining("from 1 to 5");
      assertThat(dataDir.resolve("journal.jsonl.unreadable-1"))
          .as("repaired, not refused")
          .exists();
      assertThat(Files.size(dataDir.resolve("journal.jsonl")))
          .as("journaled in the data directory")
          .isPositive();
    } finally {
      extension.afterAll(NO_CONTEXT);
    }
    assertThat(onExit).as("snapshot on exit").exists();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
