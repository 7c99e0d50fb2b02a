package com.kaicalls.sdk;

import java.util.concurrent.atomic.AtomicInteger;

/** Clients for tests: instant, deterministic retries against a local server. */
final class TestClients {
  static final String API_KEY = "kc_test_unitTestKey0123456789";

  private TestClients() {}

  /**
   * A client whose sleeper records delays, whose jitter is zero and whose generated keys are
   * numbered.
   */
  static KaiCallsClient.Builder against(String baseUrl, RecordingSleeper sleeper) {
    AtomicInteger keys = new AtomicInteger();
    return KaiCallsClient.builder()
        .apiKey(API_KEY)
        .baseUrl(baseUrl)
        .sleeper(sleeper)
        .jitter(() -> 0.0)
        .idempotencyKeyGenerator(() -> "generated-key-" + keys.incrementAndGet());
  }
}
