package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK = KaiCallsMockExtension.builder().build();

  private static ApiClient demo() {
    return new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
  }

  private static int runCount() {
    return demo().get("/v1/communication-runs?limit=100").json().path("data").size();
  }

  private static int eventCount() {
    return demo()
        .get("/v1/events?limit=100&type=communication_run.created")
        .json()
        .path("data")
        .size();
  }

  @Test
  void creatingARunWithoutAnIdempotencyKeyIs400NamingTheHeader() {
    ApiClient.Reply reply =
        demo().post("/v1/communication-runs", Runs.body(Runs.agent(demo()), "+14155550123"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("missing_idempotency_key");
    assertThat(reply.errorParam()).isEqualTo("Idempotency-Key");
  }

  @Test
  void aRetryWithTheSameKeyAndBodyReplaysTheFirstResponseWithoutCreatingAnything() {
    Map<String, Object> body = Runs.body(Runs.agent(demo()), "+14155550123");
    ApiClient.Reply first = demo().post("/v1/communication-runs", body, Runs.key("retry-1"));
    int runs = runCount();
    int events = eventCount();

    ApiClient.Reply second = demo().post("/v1/communication-runs", body, Runs.key("retry-1"));

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.bytes()).isEqualTo(first.bytes());
    assertThat(runCount()).isEqualTo(runs);
    assertThat(eventCount()).isEqualTo(events);
  }

  @Test
  void theSameKeyWithADifferentBodyIs422() {
    String agent = Runs.agent(demo());
    demo().post("/v1/communication-runs", Runs.body(agent, "+14155550123"), Runs.key("reuse-1"));

    ApiClient.Reply reply =
        demo()
            .post("/v1/communication-runs", Runs.body(agent, "+14155550124"), Runs.key("reuse-1"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo("idempotency_key_reused");
  }

  @Test
  void keysArePerWorkspace() {
    ApiClient other = demo().withKey(MOCK.server().otherWorkspaceApiKey());
    demo()
        .post(
            "/v1/communication-runs",
            Runs.body(Runs.agent(demo()), "+14155550123"),
            Runs.key("shared-key"));

    ApiClient.Reply reply =
        other.post(
            "/v1/communication-runs",
            Runs.body(Runs.agent(other), "+14155550123"),
            Runs.key("shared-key"));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void aRequestThatFailsValidationIsNotStored() {
    String agent = Runs.agent(demo());
    Map<String, Object> bad = Runs.body(agent, "not-a-number");
    assertThat(demo().post("/v1/communication-runs", bad, Runs.key("after-fix")).status())
        .isEqualTo(400);

    ApiClient.Reply fixed =
        demo()
            .post(
                "/v1/communication-runs", Runs.body(agent, "+14155550123"), Runs.key("after-fix"));

    assertThat(fixed.status()).isEqualTo(201);
  }

  @Test
  void sixteenConcurrentRetriesCreateExactlyOneRun() throws Exception {
    Map<String, Object> body = Runs.body(Runs.agent(demo()), "+14155550123");
    int before = runCount();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ApiClient.Reply>> futures = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return demo().post("/v1/communication-runs", body, Runs.key("concurrent-1"));
              }));
    }
    start.countDown();
    List<ApiClient.Reply> replies = new ArrayList<>();
    for (Future<ApiClient.Reply> f : futures) {
      replies.add(f.get());
    }
    pool.shutdown();

    assertThat(runCount()).isEqualTo(before + 1);
    List<ApiClient.Reply> created = replies.stream().filter(r -> r.status() == 201).toList();
    assertThat(created).isNotEmpty();
    assertThat(created).allSatisfy(r -> assertThat(r.bytes()).isEqualTo(created.get(0).bytes()));
    assertThat(replies)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isIn(201, 409);
              if (r.status() == 409) {
                assertThat(r.errorCode()).isEqualTo("idempotency_key_in_use");
                assertThat(r.header("Retry-After")).isEqualTo("1");
              }
            });
    ApiClient.Reply after = demo().post("/v1/communication-runs", body, Runs.key("concurrent-1"));
    assertThat(after.bytes()).isEqualTo(created.get(0).bytes());
  }
}
