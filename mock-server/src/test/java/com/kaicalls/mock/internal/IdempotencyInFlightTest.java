package com.kaicalls.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.ApiClient;
import com.kaicalls.mock.MockServerOptions;
import com.kaicalls.mock.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdempotencyInFlightTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private Emulator emulator;
  private ApiClient client;
  private Map<String, Object> body;

  @BeforeEach
  void start() {
    emulator = Emulator.start(MockServerOptions.builder().port(0).clock(clock).build());
    client = new ApiClient(emulator.baseUrl(), emulator.apiKey());
    String agent = client.get("/v1/agents").json().path("data").get(0).path("id").asText();
    body =
        Map.of(
            "name",
            "r",
            "agent_id",
            agent,
            "channel",
            "voice",
            "recipients",
            List.of(Map.of("phone", "+14155550123")));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aSecondRequestWhileTheFirstIsInFlightIs409WithRetryAfter() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    emulator.beforeCreateRun =
        () -> {
          entered.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    CompletableFuture<ApiClient.Reply> first =
        CompletableFuture.supplyAsync(
            () -> client.post("/v1/communication-runs", body, Map.of("Idempotency-Key", "slow")));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    ApiClient.Reply second =
        client.post("/v1/communication-runs", body, Map.of("Idempotency-Key", "slow"));
    release.countDown();

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.errorCode()).isEqualTo("idempotency_key_in_use");
    assertThat(second.header("Retry-After")).isEqualTo("1");
    assertThat(second.header("KaiCalls-Should-Retry")).isEqualTo("true");
    assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
  }

  @Test
  void keysAreForgottenAfter24Hours() {
    ApiClient.Reply first =
        client.post("/v1/communication-runs", body, Map.of("Idempotency-Key", "day"));
    clock.advance(Duration.ofHours(23).plusMinutes(59));
    ApiClient.Reply withinDay =
        client.post("/v1/communication-runs", body, Map.of("Idempotency-Key", "day"));
    clock.advance(Duration.ofMinutes(1));

    ApiClient.Reply afterDay =
        client.post("/v1/communication-runs", body, Map.of("Idempotency-Key", "day"));

    assertThat(withinDay.json().path("id")).isEqualTo(first.json().path("id"));
    assertThat(afterDay.header("Idempotent-Replayed")).isNull();
    assertThat(afterDay.json().path("id")).isNotEqualTo(first.json().path("id"));
  }

  @Test
  void aKeyWithAnExpiryStopsWorkingWhenTheClockPassesIt() {
    ApiClient.Reply minted =
        client.post(
            "/v1/api-keys",
            Map.of(
                "name",
                "short",
                "scopes",
                List.of("leads:read"),
                "expires_at",
                "2026-11-28T13:00:00Z"));
    ApiClient shortLived = client.withKey(minted.json().path("secret").asText());
    assertThat(shortLived.get("/v1/me").status()).isEqualTo(200);

    clock.advance(Duration.ofHours(1));

    ApiClient.Reply reply = shortLived.get("/v1/me");
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("api_key_expired");
    assertThat(
            client
                .get("/v1/api-keys/" + minted.json().path("id").asText())
                .json()
                .path("status")
                .asText())
        .isEqualTo("expired");
  }
}
