package com.kaicalls.spring.internal;

import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.models.Me;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when {@code GET /v1/me} answers: the API is reachable and the key is valid. One attempt with a
 * short timeout, so a health probe never waits for retries; the key is never a detail or in a
 * message (the SDK redacts it).
 */
public final class KaiCallsHealthIndicator extends AbstractHealthIndicator {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final KaiCallsClient client;

  /**
   * @param client the application's client; the check uses a copy without retries that shares its
   *     connections
   */
  public KaiCallsHealthIndicator(KaiCallsClient client) {
    super("KaiCalls health check failed");
    this.client = client.withOptions(o -> o.maxRetries(0).callTimeout(TIMEOUT));
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Me me = client.me().retrieve();
    builder.up().withDetail("workspace", me.workspaceId());
  }
}
