package com.kaicalls.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.kaicalls.webhooks.WebhookVerificationException.Reason;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which secrets are accepted, and that no message ever shows one. */
class SecretsTest {

  private static final String SHORT = "whsec_" + Base64.getEncoder().encodeToString(new byte[23]);

  static Stream<Arguments> invalidSecrets() {
    return Stream.of(
        argumentSet("null", (Object) null),
        argumentSet("empty", ""),
        argumentSet("blank", "  \t "),
        argumentSet("prefix only", "whsec_"),
        argumentSet("not base64", "whsec_this*is*not*base64*at*all*sorry!"),
        argumentSet(
            "base64url instead of base64", "whsec_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_"),
        argumentSet("23 bytes", SHORT),
        argumentSet("23 bytes without prefix", SHORT.substring(6)));
  }

  @ParameterizedTest
  @MethodSource("invalidSecrets")
  void anInvalidSecretIsRejectedByTheVerifierWithoutShowingIt(String secret) {
    WebhookVerificationException failure =
        catchThrowableOfType(WebhookVerificationException.class, () -> WebhookVerifier.of(secret));

    assertThat(failure.reason()).isEqualTo(Reason.INVALID_SECRET);
    assertThat(failure.getCause()).isNull();
    assertNotShown(secret, failure);
  }

  @ParameterizedTest
  @MethodSource("invalidSecrets")
  void anInvalidSecretIsRejectedByTheSignerWithoutShowingIt(String secret) {
    WebhookVerificationException failure =
        catchThrowableOfType(WebhookVerificationException.class, () -> WebhookSigner.of(secret));

    assertThat(failure.reason()).isEqualTo(Reason.INVALID_SECRET);
    assertNotShown(secret, failure);
  }

  @Test
  void anInvalidSecondSecretIsNamedByItsPosition() {
    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class,
            () -> WebhookSigner.of(Arrays.asList(Fixtures.NEW_SECRET, SHORT)));

    assertThat(failure.getMessage())
        .isEqualTo("secret #2 decodes to 23 bytes; at least 24 are required");
  }

  @Test
  void aBuilderWithoutSecretsIsRejected() {
    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class, () -> WebhookVerifier.builder().build());

    assertThat(failure.reason()).isEqualTo(Reason.INVALID_SECRET);
  }

  @Test
  void anEmptyListOfSecretsIsRejected() {
    WebhookVerificationException failure =
        catchThrowableOfType(WebhookVerificationException.class, () -> WebhookSigner.of(List.of()));

    assertThat(failure.reason()).isEqualTo(Reason.INVALID_SECRET);
  }

  @Test
  void surroundingWhitespaceOfASecretIsIgnored() {
    WebhookSigner signer = WebhookSigner.of(" " + Fixtures.SECRET + "\n");

    String signature = signer.sign(Fixtures.ID, Fixtures.NOW, Fixtures.BODY);

    assertThat(signature)
        .isEqualTo(
            WebhookSigner.of(Fixtures.SECRET).sign(Fixtures.ID, Fixtures.NOW, Fixtures.BODY));
  }

  @Test
  void aGeneratedSecretIsWhsecFollowedBy32Bytes() {
    String secret = WebhookSecrets.generate();

    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
  }

  @Test
  void generatedSecretsDiffer() {
    String first = WebhookSecrets.generate();
    String second = WebhookSecrets.generate();

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void aSeededSourceGeneratesTheSameSecretEveryTime() throws Exception {
    SecureRandom first = SecureRandom.getInstance("SHA1PRNG");
    first.setSeed(42);
    SecureRandom second = SecureRandom.getInstance("SHA1PRNG");
    second.setSeed(42);

    assertThat(WebhookSecrets.generate(first)).isEqualTo(WebhookSecrets.generate(second));
  }

  @Test
  void aGeneratedSecretSignsAndVerifies() {
    String secret = WebhookSecrets.generate();
    WebhookVerifier verifier = Fixtures.verifier(secret);

    VerifiedWebhook webhook =
        verifier.verify(
            Fixtures.BODY,
            WebhookSigner.of(secret).headers(Fixtures.ID, Fixtures.NOW, Fixtures.BODY)::get);

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void neitherVerifierNorSignerShowsItsSecretsInToString() {
    WebhookVerifier verifier = Fixtures.verifier(Fixtures.OLD_SECRET, Fixtures.NEW_SECRET);
    WebhookSigner signer = WebhookSigner.of(Fixtures.NEW_SECRET);

    assertThat(verifier.toString()).isEqualTo("WebhookVerifier{secrets=2, tolerance=PT5M}");
    assertThat(signer.toString()).isEqualTo("WebhookSigner{secrets=1}");
  }

  private static void assertNotShown(String secret, WebhookVerificationException failure) {
    assertThat(failure.getMessage()).isNotBlank();
    String base64 = secret == null ? "" : secret.strip().replaceFirst("^whsec_", "");
    if (!base64.isEmpty()) {
      assertThat(failure.getMessage()).doesNotContain(base64);
    }
  }
}
