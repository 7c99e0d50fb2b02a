package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code KaiCallsMockExtension.builder().seedResource(...)}: the builder's way to start from a
 * fixture.
 */
class SeedResourceExtensionTest {

  @RegisterExtension
  static KaiCallsMockExtension mock =
      KaiCallsMockExtension.builder()
          .seedResource("fixtures/one-subscription.json")
          .requestLogSize(5)
          .build();

  @Test
  void theExtensionStartsFromTheClasspathSnapshotWithItsOwnKeysValid() {
    ApiClient api = new ApiClient(mock.baseUrl(), mock.apiKey());

    assertThat(api.get("/v1/webhook-subscriptions").json().path("data").findValuesAsText("url"))
        .containsExactly("https://hooks.example.com/fixture");
    assertThat(api.get("/v1/agents").json().path("data")).isEmpty();
  }
}
