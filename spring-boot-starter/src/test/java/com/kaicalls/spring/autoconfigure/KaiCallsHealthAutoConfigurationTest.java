package com.kaicalls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import com.kaicalls.spring.internal.KaiCallsHealthIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class KaiCallsHealthAutoConfigurationTest {

  @RegisterExtension
  static final KaiCallsMockExtension mock = KaiCallsMockExtension.builder().build();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  KaiCallsAutoConfiguration.class, KaiCallsHealthAutoConfiguration.class))
          .withPropertyValues("kaicalls.base-url=" + mock.baseUrl());

  @Test
  void theHealthIndicatorIsOffByDefault() {
    runner
        .withPropertyValues("kaicalls.api-key=" + mock.apiKey())
        .run(context -> assertThat(context).doesNotHaveBean(KaiCallsHealthIndicator.class));
  }

  @Test
  void withoutAClientThereIsNoHealthIndicatorEvenWhenEnabled() {
    runner
        .withPropertyValues("management.health.kaicalls.enabled=true")
        .run(context -> assertThat(context).doesNotHaveBean(KaiCallsHealthIndicator.class));
  }

  @Test
  void whenEnabledItIsUpWithTheKeysWorkspace() {
    runner
        .withPropertyValues(
            "kaicalls.api-key=" + mock.apiKey(), "management.health.kaicalls.enabled=true")
        .run(
            context -> {
              Health health = context.getBean(KaiCallsHealthIndicator.class).health(true);
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails()).containsEntry("workspace", "ws_demo");
            });
  }

  @Test
  void aRejectedKeyIsDownAndTheKeyIsNeitherADetailNorLogged(CapturedOutput output) {
    String wrongKey = "kc_test_notAValidKey12345";

    runner
        .withPropertyValues(
            "kaicalls.api-key=" + wrongKey, "management.health.kaicalls.enabled=true")
        .run(
            context -> {
              Health health = context.getBean(KaiCallsHealthIndicator.class).health(true);
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails().toString()).contains("401").doesNotContain(wrongKey);
            });

    assertThat(output).contains("KaiCalls health check failed").doesNotContain(wrongKey);
  }
}
