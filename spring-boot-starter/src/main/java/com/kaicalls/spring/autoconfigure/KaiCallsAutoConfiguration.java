package com.kaicalls.spring.autoconfigure;

import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.KaiCallsClientAsync;
import com.kaicalls.spring.KaiCallsClientCustomizer;
import com.kaicalls.spring.KaiCallsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link KaiCallsClient} built from {@code kaicalls.*} when {@code kaicalls.api-key} is set,
 * unless the application defines its own; every {@link KaiCallsClientCustomizer} is applied after
 * the properties. Its asynchronous view, {@link KaiCallsClientAsync}, is a bean too, sharing the
 * client's settings and connection pool.
 */
@AutoConfiguration
@EnableConfigurationProperties(KaiCallsProperties.class)
public class KaiCallsAutoConfiguration {

  /**
   * The client.
   *
   * @param properties the {@code kaicalls.*} properties
   * @param customizers applied in order, after the properties
   * @return the client
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "kaicalls", name = "api-key")
  public KaiCallsClient kaiCallsClient(
      KaiCallsProperties properties, ObjectProvider<KaiCallsClientCustomizer> customizers) {
    if (properties.getApiKey().isBlank()) {
      // The SDK's own message would point at its builder and environment variable, not at the
      // property.
      throw new IllegalStateException(
          "kaicalls.api-key is empty: set it to your API key (kc_test_... or "
              + "kc_live_...), or remove it to have no KaiCallsClient bean");
    }
    KaiCallsClient.Builder builder =
        KaiCallsClient.builder().apiKey(properties.getApiKey()).baseUrl(properties.getBaseUrl());
    if (properties.getWorkspace() != null) {
      if (properties.getWorkspace().isBlank()) {
        throw new IllegalStateException(
            "kaicalls.workspace is empty: set it to a client workspace id (ws_...) "
                + "for an agency key to act in, or remove it to act in the key's own workspace");
      }
      builder.workspace(properties.getWorkspace().trim());
    }
    if (properties.getMaxRetries() != null) builder.maxRetries(properties.getMaxRetries());
    if (properties.getTimeout() != null) builder.callTimeout(properties.getTimeout());
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  /**
   * The asynchronous client: {@code client.async()} of whichever {@link KaiCallsClient} bean there
   * is.
   *
   * @param client the client bean
   * @return its asynchronous view
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(KaiCallsClient.class)
  public KaiCallsClientAsync kaiCallsClientAsync(KaiCallsClient client) {
    return client.async();
  }
}
