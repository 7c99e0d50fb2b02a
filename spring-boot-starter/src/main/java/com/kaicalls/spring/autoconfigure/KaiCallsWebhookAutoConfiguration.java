package com.kaicalls.spring.autoconfigure;

import com.kaicalls.spring.InMemoryWebhookDeduplicationStore;
import com.kaicalls.spring.KaiCallsProperties;
import com.kaicalls.spring.WebhookDeduplicationStore;
import com.kaicalls.spring.internal.WebhookController;
import com.kaicalls.spring.internal.WebhookEndpointUnavailableWarning;
import com.kaicalls.spring.internal.WebhookHandler;
import com.kaicalls.spring.internal.WebhooksEnabledCondition;
import com.kaicalls.webhooks.WebhookVerificationException;
import com.kaicalls.webhooks.WebhookVerifier;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;

/**
 * The webhook endpoint, when {@code kaicalls.webhooks.secrets} is set (or {@code
 * kaicalls.webhooks.enabled=true}): in a Spring MVC application, {@code POST
 * ${kaicalls.webhooks.path}} verifies each delivery and publishes its event to the
 * {@code @EventListener}s; in any other application, a warning at startup that the endpoint is off.
 *
 * <p>The clock that timestamps are checked against and handled ids expire by is the application's
 * {@link Clock} bean if it has exactly one, else the system clock.
 */
@AutoConfiguration(after = KaiCallsAutoConfiguration.class)
@EnableConfigurationProperties(KaiCallsProperties.class)
@Conditional(WebhooksEnabledCondition.class)
public class KaiCallsWebhookAutoConfiguration {

  private static final String DISPATCHER_SERVLET =
      "org.springframework.web.servlet.DispatcherServlet";

  /** The endpoint, in a Spring MVC application. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = DISPATCHER_SERVLET)
  static class MvcEndpointConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WebhookDeduplicationStore kaiCallsWebhookDeduplicationStore(ObjectProvider<Clock> clock) {
      return new InMemoryWebhookDeduplicationStore(clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    WebhookHandler kaiCallsWebhookHandler(
        KaiCallsProperties properties,
        WebhookDeduplicationStore deduplication,
        ApplicationEventPublisher publisher,
        ObjectProvider<Clock> clock) {
      return new WebhookHandler(
          verifier(properties.getWebhooks(), clock.getIfUnique(Clock::systemUTC)),
          deduplication,
          publisher);
    }

    @Bean
    WebhookController kaiCallsWebhookController(WebhookHandler handler) {
      return new WebhookController(handler);
    }

    private static WebhookVerifier verifier(KaiCallsProperties.Webhooks webhooks, Clock clock) {
      List<String> secrets =
          webhooks.getSecrets().stream()
              .filter(s -> s != null && !s.isBlank())
              .map(String::trim)
              .toList();
      if (secrets.isEmpty()) {
        throw new IllegalStateException(
            "kaicalls.webhooks.enabled is true but kaicalls.webhooks.secrets is empty: set the signing secret "
                + "(whsec_...) of your webhook subscription");
      }
      try {
        return WebhookVerifier.builder()
            .secrets(secrets)
            .tolerance(webhooks.getTolerance())
            .clock(clock)
            .build();
      } catch (WebhookVerificationException | IllegalArgumentException e) {
        // The verifier's messages never quote a secret.
        throw new IllegalStateException("kaicalls.webhooks: " + e.getMessage(), e);
      }
    }
  }

  /** No endpoint can be served: say so at startup. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(NotMvcWebApplication.class)
  static class EndpointUnavailableConfiguration {

    @Bean
    WebhookEndpointUnavailableWarning kaiCallsWebhookEndpointUnavailableWarning(
        KaiCallsProperties properties) {
      return new WebhookEndpointUnavailableWarning(properties.getWebhooks().getPath());
    }
  }

  /** Matches unless this is a servlet web application with Spring MVC. */
  static final class NotMvcWebApplication extends NoneNestedConditions {

    NotMvcWebApplication() {
      super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = DISPATCHER_SERVLET)
    static final class MvcWebApplication {}
  }
}
