package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every error answer says in {@code KaiCalls-Should-Retry} whether sending the same request again
 * can help.
 */
class ShouldRetryHeaderTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder().clockMode(ClockMode.MANUAL).build();

  private static ApiClient demo() {
    return new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
  }

  private static String shouldRetry(ApiClient.Reply reply) {
    return reply.header("KaiCalls-Should-Retry");
  }

  @Test
  void anInvalidStateTransitionIsNotWorthRetrying() {
    String id =
        demo()
            .post(
                "/v1/communication-runs",
                Runs.body(Runs.agent(demo()), "+14155550120"),
                Runs.key("sr-" + System.nanoTime()))
            .json()
            .path("id")
            .asText();
    demo().post("/v1/communication-runs/" + id + "/cancel", Map.of());

    ApiClient.Reply resume = demo().post("/v1/communication-runs/" + id + "/resume", null);

    assertThat(resume.errorCode()).isEqualTo("invalid_state_transition");
    assertThat(shouldRetry(resume)).isEqualTo("false");
  }

  @Test
  void clientErrorsAreNotWorthRetrying() {
    ApiClient.Reply missing = demo().get("/v1/leads/lead_doesNotExist");
    ApiClient.Reply invalid = demo().get("/v1/leads?limit=0");
    ApiClient.Reply unauthenticated =
        demo().withKey("kc_test_doesnotexist000000000000").get("/v1/me");
    ApiClient.Reply noRoute = demo().get("/v1/no-such-route");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(noRoute.status()).isEqualTo(404);
    assertThat(shouldRetry(missing)).isEqualTo("false");
    assertThat(shouldRetry(invalid)).isEqualTo("false");
    assertThat(shouldRetry(unauthenticated)).isEqualTo("false");
    assertThat(shouldRetry(noRoute)).isEqualTo("false");
  }

  @Test
  void injectedRateLimitsAndServerErrorsAreWorthRetrying(KaiCallsMockServer mock) {
    mock.faults()
        .inject(FaultRule.on("GET", "/v1/leads*").times(1).status(429, Duration.ofSeconds(1)));
    mock.faults().inject(FaultRule.on("GET", "/v1/calls*").times(1).status(503));

    ApiClient.Reply limited = demo().get("/v1/leads");
    ApiClient.Reply unavailable = demo().get("/v1/calls");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(shouldRetry(limited)).isEqualTo("true");
    assertThat(shouldRetry(unavailable)).isEqualTo("true");
  }

  @Test
  void successesCarryNoAdvice() {
    assertThat(shouldRetry(demo().get("/v1/me"))).isNull();
  }
}
