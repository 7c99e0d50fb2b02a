package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same test bodies against the embedded admin and the HTTP client of a standalone emulator. */
class KaiCallsMockAdminTest {

  /** The one line a test changes to switch between an embedded and a standalone emulator. */
  enum Mode {
    EMBEDDED(KaiCallsMockServer::admin),
    STANDALONE(server -> KaiCallsMockAdmin.connect(server.baseUrl()));

    @SuppressWarnings("ImmutableEnumChecker") // method references and a stateless lambda
    final Function<KaiCallsMockServer, KaiCallsMockAdmin> connect;

    Mode(Function<KaiCallsMockServer, KaiCallsMockAdmin> connect) {
      this.connect = connect;
    }
  }

  private static final Instant START = Instant.parse("2026-12-01T15:00:00Z");
  private static KaiCallsMockServer server;
  private ApiClient api;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    server =
        KaiCallsMockServer.start(
            MockServerOptions.builder()
                .port(0)
                .clockMode(ClockMode.MANUAL)
                .startTime(START)
                .build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
    api = new ApiClient(server.baseUrl(), server.apiKey());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theClockIsReadAdvancedAndSetButNeverMovedBack(Mode mode) {
    KaiCallsMockAdmin admin = mode.connect.apply(server);

    Instant read = admin.now();
    Instant advanced = admin.advanceClock(Duration.ofMinutes(10).plusMillis(500));
    Instant set = admin.advanceClockTo(Instant.parse("2026-12-02T00:00:00Z"));

    assertThat(read).isEqualTo(START);
    assertThat(advanced).isEqualTo(START.plus(Duration.ofMinutes(10).plusMillis(500)));
    assertThat(set).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    assertThatThrownBy(() -> admin.advanceClockTo(START))
        .isInstanceOfSatisfying(
            KaiCallsMockAdminException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.param()).isEqualTo("to");
            })
        .hasMessageContaining("the clock never goes back");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void resetDropsWhatWasCreated(Mode mode) {
    KaiCallsMockAdmin admin = mode.connect.apply(server);
    String run =
        api.post(
                "/v1/communication-runs",
                Runs.body(Runs.agent(api), "+14155550100"),
                Runs.key("a-1"))
            .json()
            .path("id")
            .asText();

    admin.reset();

    assertThat(api.get("/v1/communication-runs/" + run).status()).isEqualTo(404);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void faultsAreAddedListedUsedAndCleared(Mode mode) {
    KaiCallsMockAdmin admin = mode.connect.apply(server);
    FaultRule unavailable =
        FaultRule.on("GET", "/v1/me").times(2).status(503, Duration.ofSeconds(2));
    FaultRule slow = FaultRule.on(null, "/v1/leads*").delay(Duration.ofMillis(5));

    admin.addFault(unavailable);
    admin.addFault(slow);
    List<FaultRule> listed = admin.faults();
    int status = api.get("/v1/me").status();

    assertThat(listed).containsExactly(unavailable, slow);
    assertThat(status).isEqualTo(503);
    assertThat(admin.faults().get(0).count()).isEqualTo(1);
    assertThat(admin.clearFaults()).isEqualTo(2);
    assertThat(admin.faults()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void keysAreTheWorkspacesAndTheirKeys(Mode mode) {
    MockKeys keys = mode.connect.apply(server).keys();

    assertThat(keys)
        .isEqualTo(
            new MockKeys(
                "ws_demo",
                server.apiKey(),
                "ws_other",
                server.otherWorkspaceApiKey(),
                "ws_agency",
                server.agencyApiKey()));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSnapshotIsTakenSavedAndRestored(Mode mode) throws Exception {
    KaiCallsMockAdmin admin = mode.connect.apply(server);
    String before = admin.snapshot();
    admin.saveSnapshot(dir.resolve("saved.json"));
    String run =
        api.post(
                "/v1/communication-runs",
                Runs.body(Runs.agent(api), "+14155550100"),
                Runs.key("s-1"))
            .json()
            .path("id")
            .asText();

    admin.restoreSnapshot(Files.readAllBytes(dir.resolve("saved.json")));

    assertThat(api.get("/v1/communication-runs/" + run).status()).isEqualTo(404);
    assertThat(admin.snapshot()).isEqualTo(before);
    assertThat(new String(admin.snapshotBytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void restoringAnotherVersionThrowsTheEnvelopesMessage(Mode mode) {
    KaiCallsMockAdmin admin = mode.connect.apply(server);
    String other = admin.snapshot().replace("kaicalls-snapshot/1", "kaicalls-snapshot/9");

    assertThatThrownBy(() -> admin.restoreSnapshot(other))
        .isInstanceOfSatisfying(
            KaiCallsMockAdminException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("snapshot_version_unsupported");
              assertThat(e.param()).isEqualTo("version");
            })
        .hasMessageContaining("kaicalls-snapshot/9");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theRequestLogShowsTheLatestRequestFirst(Mode mode) {
    KaiCallsMockAdmin admin = mode.connect.apply(server);
    String requestId = api.get("/v1/me").header("Request-Id");

    List<LoggedRequest> latest = admin.requests(1);

    assertThat(latest).hasSize(1);
    assertThat(latest.get(0).requestId()).isEqualTo(requestId);
    assertThat(latest.get(0).path()).isEqualTo("/v1/me");
    assertThat(latest.get(0).keyId()).isEqualTo("key_demo_full");
    assertThat(latest.get(0).responseBody()).contains("\"workspace_id\":\"ws_demo\"");
    assertThatThrownBy(() -> admin.requests(1001))
        .isInstanceOfSatisfying(
            KaiCallsMockAdminException.class, e -> assertThat(e.param()).isEqualTo("limit"));
  }

  @Test
  void anEmulatorThatIsNotThereIsAnUncheckedIoExceptionNamingTheUrl() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    KaiCallsMockAdmin admin = KaiCallsMockAdmin.connect("http://127.0.0.1:" + port);

    assertThatThrownBy(admin::now)
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("127.0.0.1:" + port);
  }
}
