package com.kaicalls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kaicalls.mock.FaultRule;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.KaiCallsClientAsync;
import com.kaicalls.sdk.errors.ApiException;
import com.kaicalls.sdk.errors.KaiCallsTimeoutException;
import com.kaicalls.spring.KaiCallsClientCustomizer;
import com.kaicalls.spring.KaiCallsProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.Ordered;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class KaiCallsAutoConfigurationTest {

  @RegisterExtension
  static final KaiCallsMockExtension mock = KaiCallsMockExtension.builder().build();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(KaiCallsAutoConfiguration.class));

  @Test
  void everyKaicallsPropertyBinds() {
    runner
        .withPropertyValues(
            "kaicalls.api-key=kc_test_abcdefgh12",
            "kaicalls.base-url=http://127.0.0.1:8089",
            "kaicalls.max-retries=4",
            "kaicalls.timeout=30s",
            "kaicalls.webhooks.enabled=false",
            "kaicalls.webhooks.path=/hooks/kaicalls",
            "kaicalls.webhooks.secrets=whsec_new,whsec_old",
            "kaicalls.webhooks.tolerance=10m")
        .run(
            context -> {
              KaiCallsProperties properties = context.getBean(KaiCallsProperties.class);
              assertThat(properties.getApiKey()).isEqualTo("kc_test_abcdefgh12");
              assertThat(properties.getBaseUrl()).isEqualTo("http://127.0.0.1:8089");
              assertThat(properties.getMaxRetries()).isEqualTo(4);
              assertThat(properties.getTimeout()).isEqualTo(Duration.ofSeconds(30));
              assertThat(properties.getWebhooks().getEnabled()).isFalse();
              assertThat(properties.getWebhooks().getPath()).isEqualTo("/hooks/kaicalls");
              assertThat(properties.getWebhooks().getSecrets())
                  .containsExactly("whsec_new", "whsec_old");
              assertThat(properties.getWebhooks().getTolerance()).isEqualTo(Duration.ofMinutes(10));
            });
  }

  @Test
  void unsetPropertiesHaveTheirDocumentedDefaults() {
    runner.run(
        context -> {
          KaiCallsProperties properties = context.getBean(KaiCallsProperties.class);
          assertThat(properties.getBaseUrl()).isEqualTo(KaiCallsClient.DEFAULT_BASE_URL);
          assertThat(properties.getWebhooks().getEnabled()).isNull();
          assertThat(properties.getWebhooks().getPath()).isEqualTo("/kaicalls/webhooks");
          assertThat(properties.getWebhooks().getSecrets()).isEmpty();
          assertThat(properties.getWebhooks().getTolerance()).isEqualTo(Duration.ofMinutes(5));
        });
  }

  @Test
  void theClientCallsTheConfiguredBaseUrlWithTheConfiguredKey() {
    runner
        .withPropertyValues(
            "kaicalls.api-key=" + mock.apiKey(), "kaicalls.base-url=" + mock.baseUrl())
        .run(
            context ->
                assertThat(context.getBean(KaiCallsClient.class).me().retrieve()).isNotNull());
  }

  @Test
  void theSdksEnvironmentVariablesSetTheKeyAndBaseUrl() {
    Map<String, Object> environment =
        Map.of("KAICALLS_API_KEY", mock.apiKey(), "KAICALLS_BASE_URL", mock.baseUrl());

    runner
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(new SystemEnvironmentPropertySource("testEnvironment", environment)))
        .run(
            context ->
                assertThat(context.getBean(KaiCallsClient.class).me().retrieve()).isNotNull());
  }

  @Test
  void maxRetriesZeroMakesA503FailAtOnce() {
    mock.server().faults().inject(FaultRule.on("GET", "/v1/me").times(1).status(503));

    runner
        .withPropertyValues(
            "kaicalls.api-key=" + mock.apiKey(),
            "kaicalls.base-url=" + mock.baseUrl(),
            "kaicalls.max-retries=0")
        .run(
            context ->
                assertThatThrownBy(() -> context.getBean(KaiCallsClient.class).me().retrieve())
                    .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.statusCode()).isEqualTo(503)));
  }

  @Test
  void theTimeoutBoundsEachAttempt() {
    mock.server()
        .faults()
        .inject(FaultRule.on("GET", "/v1/me").times(1).delay(Duration.ofSeconds(3)));

    runner
        .withPropertyValues(
            "kaicalls.api-key=" + mock.apiKey(),
            "kaicalls.base-url=" + mock.baseUrl(),
            "kaicalls.max-retries=0",
            "kaicalls.timeout=200ms")
        .run(
            context ->
                assertThatThrownBy(() -> context.getBean(KaiCallsClient.class).me().retrieve())
                    .isInstanceOf(KaiCallsTimeoutException.class));
  }

  @Test
  void theAsyncClientIsABeanCallingTheSameEmulator() {
    runner
        .withPropertyValues(
            "kaicalls.api-key=" + mock.apiKey(), "kaicalls.base-url=" + mock.baseUrl())
        .run(
            context ->
                assertThat(context.getBean(KaiCallsClientAsync.class).me().retrieve().join())
                    .isNotNull());
  }

  @Test
  void theAsyncClientIsTheViewOfTheApplicationsOwnClient() {
    KaiCallsClient own =
        KaiCallsClient.builder().apiKey(mock.apiKey()).baseUrl(mock.baseUrl()).build();

    runner
        .withBean("ownClient", KaiCallsClient.class, () -> own)
        .run(
            context -> assertThat(context.getBean(KaiCallsClientAsync.class).sync()).isSameAs(own));
  }

  @Test
  void withoutAnApiKeyThereIsNoClient() {
    runner.run(
        context ->
            assertThat(context)
                .doesNotHaveBean(KaiCallsClient.class)
                .doesNotHaveBean(KaiCallsClientAsync.class));
  }

  @Test
  void theWorkspacePropertyMakesTheClientActInThatClientWorkspace() {
    runner
        .withPropertyValues(
            "kaicalls.api-key=" + mock.apiKey(), "kaicalls.workspace=ws_7Tn2Qd9LxB4c")
        .run(
            context ->
                assertThat(context.getBean(KaiCallsClient.class).workspace())
                    .contains("ws_7Tn2Qd9LxB4c"));
  }

  @Test
  void withoutTheWorkspacePropertyTheClientActsInTheKeysOwnWorkspace() {
    runner
        .withPropertyValues("kaicalls.api-key=" + mock.apiKey())
        .run(context -> assertThat(context.getBean(KaiCallsClient.class).workspace()).isEmpty());
  }

  @Test
  void anEmptyWorkspaceStopsStartupNamingTheProperty() {
    runner
        .withPropertyValues("kaicalls.api-key=" + mock.apiKey(), "kaicalls.workspace= ")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("kaicalls.workspace is empty"));
  }

  @Test
  void anEmptyApiKeyStopsStartupNamingTheProperty() {
    runner
        .withPropertyValues("kaicalls.api-key=")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("kaicalls.api-key is empty"));
  }

  @Test
  void theApplicationsOwnClientReplacesTheAutoConfiguredOne() {
    KaiCallsClient own = KaiCallsClient.builder().apiKey("kc_test_own0000001").build();

    runner
        .withPropertyValues("kaicalls.api-key=kc_test_abcdefgh12")
        .withBean("ownClient", KaiCallsClient.class, () -> own)
        .run(context -> assertThat(context).getBean(KaiCallsClient.class).isSameAs(own));
  }

  @Test
  void customizersApplyAfterThePropertiesInTheirOrder() {
    List<String> trail = new CopyOnWriteArrayList<>();

    runner
        .withPropertyValues(
            "kaicalls.api-key=kc_test_wrongkey00", "kaicalls.base-url=http://127.0.0.1:1")
        .withBean(
            "second",
            KaiCallsClientCustomizer.class,
            () -> new OrderedCustomizer(2, "second", trail, b -> b.apiKey(mock.apiKey())))
        .withBean(
            "first",
            KaiCallsClientCustomizer.class,
            () ->
                new OrderedCustomizer(
                    1, "first", trail, b -> b.baseUrl(mock.baseUrl()).apiKey("kc_test_alsowrong0")))
        .run(
            context -> {
              assertThat(context.getBean(KaiCallsClient.class).me().retrieve()).isNotNull();
              assertThat(trail).containsExactly("first", "second");
            });
  }

  private record OrderedCustomizer(
      int order, String name, List<String> trail, Consumer<KaiCallsClient.Builder> change)
      implements KaiCallsClientCustomizer, Ordered {

    @Override
    public void customize(KaiCallsClient.Builder builder) {
      trail.add(name);
      change.accept(builder);
    }

    @Override
    public int getOrder() {
      return order;
    }
  }
}
