package com.kaicalls.webhooks;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** Creates new webhook secrets, written {@code whsec_<base64 of 32 random bytes>}. */
public final class WebhookSecrets {

  private static final int GENERATED_BYTES = 32;

  private WebhookSecrets() {}

  /**
   * Returns a new secret made of 32 bytes from a {@link SecureRandom}.
   *
   * @return {@code whsec_} followed by 44 base64 characters, accepted by {@link WebhookSigner} and
   *     {@link WebhookVerifier}
   */
  public static String generate() {
    return generate(Holder.RANDOM);
  }

  /**
   * Returns a new secret made of 32 bytes from {@code random}. Meant for tests that need the same
   * secret on every run, with a {@code SecureRandom.getInstance("SHA1PRNG")} seeded before first
   * use.
   *
   * @param random the source of the 32 bytes
   * @return a {@code whsec_} secret
   * @throws NullPointerException if {@code random} is {@code null}
   */
  public static String generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    byte[] key = new byte[GENERATED_BYTES];
    random.nextBytes(key);
    return Secrets.PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** Created on first use, so that loading the class never blocks on entropy. */
  private static final class Holder {
    static final SecureRandom RANDOM = new SecureRandom();
  }
}
