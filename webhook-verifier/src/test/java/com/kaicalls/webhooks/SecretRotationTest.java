package com.kaicalls.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.kaicalls.webhooks.WebhookVerificationException.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** During a rotation the sender signs with both secrets and receivers accept either. */
class SecretRotationTest {

  @Test
  void aVerifierWithBothSecretsAcceptsAWebhookSignedWithTheOldOne() {
    WebhookVerifier verifier = Fixtures.verifier(Fixtures.OLD_SECRET, Fixtures.NEW_SECRET);

    VerifiedWebhook webhook =
        verifier.verify(Fixtures.BODY, signedWith(List.of(Fixtures.OLD_SECRET))::get);

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void aVerifierWithBothSecretsAcceptsAWebhookSignedWithTheNewOne() {
    WebhookVerifier verifier = Fixtures.verifier(Fixtures.OLD_SECRET, Fixtures.NEW_SECRET);

    VerifiedWebhook webhook =
        verifier.verify(Fixtures.BODY, signedWith(List.of(Fixtures.NEW_SECRET))::get);

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void aSignerWithTwoSecretsEmitsOneSignaturePerSecretInOrder() {
    WebhookSigner signer = WebhookSigner.of(List.of(Fixtures.OLD_SECRET, Fixtures.NEW_SECRET));

    String signature = signer.sign(Fixtures.ID, Fixtures.NOW, Fixtures.BODY);

    assertThat(signature)
        .isEqualTo(
            WebhookSigner.of(Fixtures.OLD_SECRET).sign(Fixtures.ID, Fixtures.NOW, Fixtures.BODY)
                + " "
                + WebhookSigner.of(Fixtures.NEW_SECRET)
                    .sign(Fixtures.ID, Fixtures.NOW, Fixtures.BODY));
  }

  @Test
  void aVerifierWithOnlyTheNewSecretAcceptsAWebhookSignedWithBoth() {
    WebhookVerifier verifier = Fixtures.verifier(Fixtures.NEW_SECRET);

    VerifiedWebhook webhook =
        verifier.verify(
            Fixtures.BODY, signedWith(List.of(Fixtures.OLD_SECRET, Fixtures.NEW_SECRET))::get);

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void aVerifierWithOnlyTheOldSecretAcceptsAWebhookSignedWithBoth() {
    WebhookVerifier verifier = Fixtures.verifier(Fixtures.OLD_SECRET);

    VerifiedWebhook webhook =
        verifier.verify(
            Fixtures.BODY, signedWith(List.of(Fixtures.OLD_SECRET, Fixtures.NEW_SECRET))::get);

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void onceTheOldSecretIsRemovedAWebhookSignedOnlyWithItIsRejected() {
    WebhookVerifier verifier = Fixtures.verifier(Fixtures.NEW_SECRET);

    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class,
            () -> verifier.verify(Fixtures.BODY, signedWith(List.of(Fixtures.OLD_SECRET))::get));

    assertThat(failure.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void secretsReplacesTheSecretsAddedBefore() {
    WebhookVerifier verifier =
        WebhookVerifier.builder()
            .addSecret(Fixtures.OLD_SECRET)
            .secrets(List.of(Fixtures.NEW_SECRET))
            .clock(Fixtures.clockAt(Fixtures.NOW))
            .build();

    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class,
            () -> verifier.verify(Fixtures.BODY, signedWith(List.of(Fixtures.OLD_SECRET))::get));

    assertThat(failure.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  private static Map<String, String> signedWith(List<String> secrets) {
    return WebhookSigner.of(secrets).headers(Fixtures.ID, Fixtures.NOW, Fixtures.BODY);
  }
}
