package com.kaicalls.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A verified webhook is a value: equal, with equal hash codes, when its id and timestamp are equal.
 */
class VerifiedWebhookTest {

  private static final VerifiedWebhook WEBHOOK = new VerifiedWebhook("msg_1", 1_700_000_000L);

  @Test
  void aWebhookIsEqualToItself() {
    assertThat(WEBHOOK.equals(WEBHOOK)).isTrue();
  }

  @Test
  void webhooksWithTheSameIdAndTimestampAreEqualAndHashAlike() {
    VerifiedWebhook same = new VerifiedWebhook("msg_1", 1_700_000_000L);

    assertThat(WEBHOOK.equals(same)).isTrue();
    assertThat(WEBHOOK.hashCode()).isEqualTo(same.hashCode());
  }

  @Test
  void webhooksWithDifferentIdsAreNotEqualAndHashApart() {
    VerifiedWebhook other = new VerifiedWebhook("msg_2", 1_700_000_000L);

    assertThat(WEBHOOK.equals(other)).isFalse();
    assertThat(WEBHOOK.hashCode()).isNotEqualTo(other.hashCode());
  }

  @Test
  void webhooksWithDifferentTimestampsAreNotEqualAndHashApart() {
    VerifiedWebhook other = new VerifiedWebhook("msg_1", 1_700_000_001L);

    assertThat(WEBHOOK.equals(other)).isFalse();
    assertThat(WEBHOOK.hashCode()).isNotEqualTo(other.hashCode());
  }

  @Test
  // Comparing with another type is what this test checks.
  @SuppressWarnings("EqualsIncompatibleType")
  void aWebhookIsNotEqualToNullOrToAnotherType() {
    assertThat(WEBHOOK.equals(null)).isFalse();
    assertThat(WEBHOOK.equals("msg_1")).isFalse();
  }

  @Test
  void toStringNamesTheIdAndTheTimestamp() {
    assertThat(WEBHOOK.toString())
        .isEqualTo(
            "VerifiedWebhook{id=msg_1, timestamp=" + Instant.ofEpochSecond(1_700_000_000L) + "}");
  }
}
