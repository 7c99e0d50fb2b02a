package com.kaicalls.spring.autoconfigure;

import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.spring.internal.KaiCallsHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code kaiCalls} health indicator ({@code GET /v1/me}), with Spring Boot's health support on
 * the classpath, a {@link KaiCallsClient} bean and {@code management.health.kaicalls.enabled=true}.
 * Off by default: each health check is an API call.
 */
@AutoConfiguration(after = KaiCallsAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBooleanProperty("management.health.kaicalls.enabled")
public class KaiCallsHealthAutoConfiguration {

  /**
   * The health indicator.
   *
   * @param client the application's client
   * @return the indicator
   */
  @Bean
  @ConditionalOnBean(KaiCallsClient.class)
  @ConditionalOnMissingBean(name = "kaiCallsHealthIndicator")
  public KaiCallsHealthIndicator kaiCallsHealthIndicator(KaiCallsClient client) {
    return new KaiCallsHealthIndicator(client);
  }
}
