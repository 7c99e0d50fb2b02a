package com.kaicalls.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the redactor hides: keys, webhook secrets and secret fields; and that it passes null
 * through.
 */
class RedactorTest {

  @Test
  void null_stays_null() {
    assertThat(Redactor.redact(null)).isNull();
  }

  @Test
  void keys_secrets_and_secret_fields_are_hidden_and_the_rest_kept() {
    String text = "key kc_live_abc123 secret whsec_QUJD+/= field {\"previous_secret\": \"s3\"} ok";

    assertThat(Redactor.redact(text))
        .isEqualTo(
            "key kc_live_[redacted] secret whsec_[redacted] field {\"previous_secret\": \"[redacted]\"} ok");
  }
}
