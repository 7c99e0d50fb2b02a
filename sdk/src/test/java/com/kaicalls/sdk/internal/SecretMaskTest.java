package com.kaicalls.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a secret looks in a model's toString: its prefix and last three characters, never more. */
class SecretMaskTest {

  @Test
  void a_webhook_secret_keeps_its_prefix_and_last_three_characters() {
    assertThat(Models.mask("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3xQ")).isEqualTo("whsec_…3xQ");
  }

  @Test
  void an_api_key_keeps_its_test_prefix() {
    assertThat(Models.mask("kc_test_4f7Q2xLm9RtV8nB1pK6sW3hJ")).isEqualTo("kc_test_…3hJ");
  }

  @Test
  void no_more_than_twelve_characters_of_prefix_are_kept() {
    assertThat(Models.mask("kc_test_demo_4f7Q2xLm9RtV8nB1pK6sW3hJ")).isEqualTo("kc_test_demo…3hJ");
  }

  @Test
  void a_secret_of_eight_characters_after_its_prefix_shows_its_last_three() {
    assertThat(Models.mask("whsec_abcdefgh")).isEqualTo("whsec_…fgh");
  }

  @Test
  void a_secret_shorter_than_eight_characters_after_its_prefix_shows_none_of_them() {
    assertThat(Models.mask("whsec_abcdefg")).isEqualTo("whsec_…");
  }

  @Test
  void null_stays_null() {
    assertThat(Models.mask(null)).isNull();
  }
}
