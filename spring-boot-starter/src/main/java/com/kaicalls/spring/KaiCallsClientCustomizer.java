package com.kaicalls.spring;

import com.kaicalls.sdk.KaiCallsClient;

/**
 * Changes the auto-configured client's builder after the {@code kaicalls.*} properties were
 * applied: for what the properties do not cover (your own {@code OkHttpClient}, connect and read
 * timeouts, a clock). Every bean of this type is applied, in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * KaiCallsClientCustomizer patientReads() {
 *   return builder -> builder.readTimeout(Duration.ofMinutes(2));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface KaiCallsClientCustomizer {

  /**
   * Customizes the builder.
   *
   * @param builder the builder, with the properties already applied
   */
  void customize(KaiCallsClient.Builder builder);
}
