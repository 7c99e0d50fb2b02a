package com.kaicalls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.kaicalls.spring.InMemoryWebhookDeduplicationStore;
import com.kaicalls.spring.WebhookDeduplicationStore;
import com.kaicalls.spring.internal.WebhookController;
import com.kaicalls.spring.internal.WebhookEndpointUnavailableWarning;
import com.kaicalls.webhooks.WebhookSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.DispatcherServlet;

@ExtendWith(OutputCaptureExtension.class)
class KaiCallsWebhookAutoConfigurationTest {
  private static final String SECRET = WebhookSecrets.generate();
  private static final AutoConfigurations CONFIGURATIONS =
      AutoConfigurations.of(
          KaiCallsAutoConfiguration.class, KaiCallsWebhookAutoConfiguration.class);
  private static final String ENDPOINT_OFF = "the webhook endpoint POST /kaicalls/webhooks is OFF";

  private final WebApplicationContextRunner web =
      new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS);

  @Test
  void withoutASecretTheEndpointIsOff() {
    web.withPropertyValues("kaicalls.api-key=kc_test_abcdefgh12")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(WebhookController.class);
              assertThat(context).doesNotHaveBean(WebhookEndpointUnavailableWarning.class);
            });
  }

  @Test
  void aSecretTurnsTheEndpointOnWithTheInMemoryDeduplicationStore() {
    web.withPropertyValues("kaicalls.webhooks.secrets=" + SECRET)
        .run(
            context -> {
              assertThat(context).hasSingleBean(WebhookController.class);
              assertThat(context)
                  .getBean(WebhookDeduplicationStore.class)
                  .isInstanceOf(InMemoryWebhookDeduplicationStore.class);
            });
  }

  @Test
  void theEndpointAnswersPostsAtTheConfiguredPathOnly() {
    web.withPropertyValues(
            "kaicalls.webhooks.secrets=" + SECRET, "kaicalls.webhooks.path=/hooks/kaicalls")
        .run(
            context -> {
              MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
              // Unsigned, so refused: what matters is which path reaches the endpoint.
              mvc.perform(post("/hooks/kaicalls").content("{}")).andExpect(status().isBadRequest());
              mvc.perform(post("/kaicalls/webhooks").content("{}"))
                  .andExpect(status().isNotFound());
            });
  }

  @Test
  void enabledFalseTurnsTheEndpointOffDespiteASecret(CapturedOutput output) {
    web.withPropertyValues("kaicalls.webhooks.secrets=" + SECRET, "kaicalls.webhooks.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(WebhookController.class));
    assertThat(output).doesNotContain(ENDPOINT_OFF);
  }

  @Test
  void enabledWithoutASecretStopsStartupNamingTheMissingProperty() {
    web.withPropertyValues("kaicalls.webhooks.enabled=true")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("kaicalls.webhooks.secrets is empty"));
  }

  @Test
  void anInvalidSecretStopsStartupWithoutQuotingIt() {
    String invalid = "whsec_not-base64-at-all!";

    web.withPropertyValues("kaicalls.webhooks.secrets=" + invalid)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("kaicalls.webhooks")
                    .satisfies(
                        failure ->
                            assertThat(stackTrace(failure)).doesNotContain("not-base64-at-all")));
  }

  @Test
  void theApplicationsOwnDeduplicationStoreReplacesTheDefault() {
    WebhookDeduplicationStore own =
        new WebhookDeduplicationStore() {
          @Override
          public boolean isHandled(String webhookId) {
            return false;
          }

          @Override
          public void markHandled(String webhookId) {}
        };

    web.withPropertyValues("kaicalls.webhooks.secrets=" + SECRET)
        .withBean(WebhookDeduplicationStore.class, () -> own)
        .run(context -> assertThat(context).getBean(WebhookDeduplicationStore.class).isSameAs(own));
  }

  @Test
  void aNonWebApplicationWithASecretSaysAtStartupThatTheEndpointIsOff(CapturedOutput output) {
    new ApplicationContextRunner()
        .withConfiguration(CONFIGURATIONS)
        .withPropertyValues("kaicalls.webhooks.secrets=" + SECRET)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(WebhookController.class);
            });

    assertThat(output).contains(ENDPOINT_OFF).contains("spring-boot-starter-webmvc");
  }

  @Test
  void aWebApplicationWithoutSpringMvcSaysAtStartupThatTheEndpointIsOff(CapturedOutput output) {
    web.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
        .withPropertyValues("kaicalls.webhooks.secrets=" + SECRET)
        .run(context -> assertThat(context).doesNotHaveBean(WebhookController.class));

    assertThat(output).contains(ENDPOINT_OFF);
  }

  private static String stackTrace(Throwable failure) {
    java.io.StringWriter out = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
