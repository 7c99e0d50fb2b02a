package com.kaicalls.webhooks;

import com.kaicalls.webhooks.WebhookVerificationException.Reason;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/** Decodes {@code whsec_} secrets into HMAC keys. Messages never contain the secret. */
final class Secrets {

  static final String PREFIX = "whsec_";
  static final String ALGORITHM = "HmacSHA256";
  static final int MIN_BYTES = 24;

  private Secrets() {}

  /** Decodes every secret, in order; fails on the first bad one, naming its position only. */
  static List<SecretKeySpec> keys(List<String> secrets) {
    if (secrets == null || secrets.isEmpty()) {
      throw invalid("at least one secret is required");
    }
    List<SecretKeySpec> keys = new ArrayList<>(secrets.size());
    for (int i = 0; i < secrets.size(); i++) {
      keys.add(key(secrets.get(i), secrets.size() == 1 ? "secret" : "secret #" + (i + 1)));
    }
    return Collections.unmodifiableList(keys);
  }

  /** Decodes one secret; {@code name} says which one in messages. */
  static SecretKeySpec key(String secret, String name) {
    if (secret == null || secret.isBlank()) {
      throw invalid(name + " is null or blank");
    }
    String base64 = secret.strip();
    if (base64.startsWith(PREFIX)) {
      base64 = base64.substring(PREFIX.length());
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      // The cause is dropped on purpose: its message quotes a character of the secret.
      throw invalid(name + " is not valid base64 after the optional " + PREFIX + " prefix");
    }
    if (key.length < MIN_BYTES) {
      throw invalid(
          name + " decodes to " + key.length + " bytes; at least " + MIN_BYTES + " are required");
    }
    return new SecretKeySpec(key, ALGORITHM);
  }

  private static WebhookVerificationException invalid(String message) {
    return new WebhookVerificationException(Reason.INVALID_SECRET, message);
  }
}
