package com.kaicalls.webhooks;

import com.kaicalls.webhooks.WebhookVerificationException.Reason;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs webhooks the way KaiCalls does, for the emulator and for tests of webhook handlers.
 *
 * <p>A signer holds one or more secrets and emits one {@code v1} signature per secret, in order,
 * separated by spaces. During a secret rotation the sender signs with the old and the new secret,
 * so that a receiver that knows either one verifies. Immutable and thread-safe.
 */
public final class WebhookSigner {

  private final HmacSha256 hmac;

  private WebhookSigner(List<String> secrets) {
    this.hmac = new HmacSha256(Secrets.keys(secrets));
  }

  /**
   * Returns a signer for one secret.
   *
   * @param secret {@code whsec_<base64>}; the prefix is optional
   * @return the signer
   * @throws WebhookVerificationException with {@link Reason#INVALID_SECRET} if the secret is {@code
   *     null}, blank, not base64, or shorter than 24 bytes once decoded
   */
  public static WebhookSigner of(String secret) {
    return new WebhookSigner(Collections.singletonList(secret));
  }

  /**
   * Returns a signer for several secrets, which signs with each, in this order.
   *
   * @param secrets one or more secrets, each as for {@link #of(String)}
   * @return the signer
   * @throws WebhookVerificationException with {@link Reason#INVALID_SECRET} if {@code secrets} is
   *     {@code null} or empty, or if any secret is invalid
   */
  public static WebhookSigner of(List<String> secrets) {
    return new WebhookSigner(secrets);
  }

  /**
   * Returns the {@code webhook-signature} value: {@code v1,<base64>} per secret, separated by
   * spaces.
   *
   * @param id the {@code webhook-id}: 1 to 256 visible ASCII characters ({@code !} to {@code ~}),
   *     the same for every retry of a message
   * @param timestamp the {@code webhook-timestamp}, seconds since the epoch, zero or positive
   * @param body the exact bytes that will be sent
   * @return the header value
   * @throws NullPointerException if {@code id} or {@code body} is {@code null}
   * @throws IllegalArgumentException if {@code id} is empty, too long or not visible ASCII, or
   *     {@code timestamp} negative
   */
  public String sign(String id, long timestamp, byte[] body) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(body, "body");
    if (id.isEmpty() || id.length() > SignedContent.MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "id must be 1 to " + SignedContent.MAX_ID_LENGTH + " characters long");
    }
    if (timestamp < 0) {
      throw new IllegalArgumentException("timestamp must not be negative: " + timestamp);
    }
    byte[] prefix = SignedContent.prefix(id, Long.toString(timestamp));
    if (prefix == null) {
      throw new IllegalArgumentException("id must be visible ASCII ('!' to '~')");
    }
    StringBuilder header = new StringBuilder(hmac.size() * 48);
    Base64.Encoder base64 = Base64.getEncoder();
    for (int k = 0; k < hmac.size(); k++) {
      byte[] signature = hmac.compute(k, prefix, body);
      if (header.length() > 0) {
        header.append(' ');
      }
      header.append("v1,").append(base64.encodeToString(signature));
    }
    return header.toString();
  }

  /**
   * Returns the three headers to send with a body: {@code webhook-id}, {@code webhook-timestamp}
   * and {@code webhook-signature}, in that order, with lowercase names.
   *
   * @param id as for {@link #sign}
   * @param timestamp as for {@link #sign}
   * @param body as for {@link #sign}
   * @return an unmodifiable, insertion-ordered map
   * @throws NullPointerException if {@code id} or {@code body} is {@code null}
   * @throws IllegalArgumentException if {@code id} is empty, too long or not visible ASCII, or
   *     {@code timestamp} negative
   */
  public Map<String, String> headers(String id, long timestamp, byte[] body) {
    String signature = sign(id, timestamp, body);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(HeaderValues.ID, id);
    headers.put(HeaderValues.TIMESTAMP, Long.toString(timestamp));
    headers.put(HeaderValues.SIGNATURE, signature);
    return Collections.unmodifiableMap(headers);
  }

  @Override
  public String toString() {
    return "WebhookSigner{secrets=" + hmac.size() + '}';
  }
}
