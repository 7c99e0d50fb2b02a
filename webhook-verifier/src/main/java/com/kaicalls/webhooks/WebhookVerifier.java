package com.kaicalls.webhooks;

import com.kaicalls.webhooks.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proves that a webhook came from KaiCalls: checks the Standard Webhooks v1 signature (HMAC-SHA256
 * over {@code "{webhook-id}.{webhook-timestamp}.{body}"}) and that the timestamp is within a
 * tolerance of now.
 *
 * <p>Verify the raw request bytes, before any JSON parsing: a body that was parsed and written
 * again does not verify. Build one verifier per endpoint and share it; it is immutable and
 * thread-safe. During a secret rotation give it both secrets: a webhook signed with either
 * verifies.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(System.getenv("KAICALLS_WEBHOOK_SECRET"));
 * VerifiedWebhook webhook = verifier.verify(request.getInputStream().readAllBytes(), request::getHeader);
 * }</pre>
 *
 * <p>Every failure, including missing, duplicated, oversized or garbage headers, throws {@link
 * WebhookVerificationException}; checks run in the order of {@link Reason}'s constants, the
 * signature last.
 */
public final class WebhookVerifier {

  /** The default tolerance, in both directions: five minutes. */
  private static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private final HmacSha256 hmac;
  private final Duration tolerance;
  private final Clock clock;

  private WebhookVerifier(Builder builder) {
    this.hmac = new HmacSha256(Collections.unmodifiableList(new ArrayList<>(builder.keys)));
    this.tolerance = builder.tolerance;
    this.clock = builder.clock;
  }

  /**
   * Returns a verifier for one secret, with a tolerance of five minutes against the system clock.
   *
   * @param secret {@code whsec_<base64>}; the prefix is optional
   * @return the verifier
   * @throws WebhookVerificationException with {@link Reason#INVALID_SECRET} if the secret is {@code
   *     null}, blank, not base64, or shorter than 24 bytes once decoded
   */
  public static WebhookVerifier of(String secret) {
    return builder().addSecret(secret).build();
  }

  /**
   * Returns a builder, for several secrets, another tolerance or another clock.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a body given as a string, encoded as UTF-8. Prefer the {@code byte[]} overload:
   * decoding and re-encoding a body that is not valid UTF-8 changes it.
   *
   * @param body the request body; {@code null} fails with {@link Reason#MISSING_BODY}
   * @param headers the request headers, names matched case-insensitively; see {@link
   *     #verify(byte[], Map)}
   * @return the verified id and timestamp
   * @throws WebhookVerificationException if the webhook cannot be verified
   */
  public VerifiedWebhook verify(String body, Map<String, List<String>> headers) {
    return verify(HeaderValues.of(headers), utf8(body));
  }

  /**
   * Verifies a body against the headers in a map, such as {@code java.net.http.HttpHeaders.map()}.
   *
   * <p>Names are matched case-insensitively, and every spelling counts. {@code null} keys, lists
   * and values are ignored. A repeated {@code webhook-id} or {@code webhook-timestamp} must repeat
   * the same value; repeated {@code webhook-signature} values are joined with a space, as one list.
   *
   * @param body the exact bytes received; {@code null} fails with {@link Reason#MISSING_BODY}
   * @param headers the request headers; {@code null} fails with {@link Reason#MISSING_HEADER}
   * @return the verified id and timestamp
   * @throws WebhookVerificationException if the webhook cannot be verified
   */
  public VerifiedWebhook verify(byte[] body, Map<String, List<String>> headers) {
    return verify(HeaderValues.of(headers), body);
  }

  /**
   * Verifies a body given as a string, encoded as UTF-8; see {@link #verify(byte[], Function)}.
   *
   * @param body the request body; {@code null} fails with {@link Reason#MISSING_BODY}
   * @param header returns a header's value given its lowercase name, or {@code null} if absent
   * @return the verified id and timestamp
   * @throws WebhookVerificationException if the webhook cannot be verified
   */
  public VerifiedWebhook verify(String body, Function<String, String> header) {
    return verify(HeaderValues.of(header), utf8(body));
  }

  /**
   * Verifies a body against headers read by a lookup function, which adapts any server in one line:
   * {@code request::getHeader} (servlets), {@code exchange.getRequestHeaders()::getFirst} (JDK
   * {@code HttpServer}), {@code headers::getFirst} (Spring {@code HttpHeaders}), {@code
   * headers::get} (Netty).
   *
   * <p>The function is called with exactly {@code "webhook-id"}, {@code "webhook-timestamp"} and
   * {@code "webhook-signature"}, lowercase; it must match names case-insensitively itself, as the
   * servers above do. It returns {@code null} for an absent header. An exception it throws is not
   * caught.
   *
   * @param body the exact bytes received; {@code null} fails with {@link Reason#MISSING_BODY}
   * @param header the lookup function; {@code null} fails with {@link Reason#MISSING_HEADER}
   * @return the verified id and timestamp
   * @throws WebhookVerificationException if the webhook cannot be verified
   */
  public VerifiedWebhook verify(byte[] body, Function<String, String> header) {
    return verify(HeaderValues.of(header), body);
  }

  @Override
  public String toString() {
    return "WebhookVerifier{secrets=" + hmac.size() + ", tolerance=" + tolerance + '}';
  }

  private static byte[] utf8(String body) {
    return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
  }

  private VerifiedWebhook verify(HeaderValues headers, byte[] body) {
    String id = headers.id;
    String timestamp = headers.timestamp;
    String signature = headers.signature;
    if (id == null || id.isEmpty()) {
      throw fail(Reason.MISSING_HEADER, "webhook-id is missing");
    }
    if (timestamp == null || timestamp.isEmpty()) {
      throw fail(Reason.MISSING_HEADER, "webhook-timestamp is missing");
    }
    if (signature == null || signature.isBlank()) {
      throw fail(Reason.MISSING_HEADER, "webhook-signature is missing");
    }
    if (body == null) {
      throw fail(Reason.MISSING_BODY, "the body is null");
    }
    if (headers.idConflict) {
      throw fail(Reason.MALFORMED_ID, "webhook-id is repeated with different values");
    }
    if (id.length() > SignedContent.MAX_ID_LENGTH) {
      throw fail(
          Reason.MALFORMED_ID,
          "webhook-id is longer than " + SignedContent.MAX_ID_LENGTH + " characters");
    }
    long seconds = SignedContent.parseTimestamp(timestamp);
    // Checks the id while copying it; a malformed timestamp (of any length) is never copied.
    byte[] prefix = SignedContent.prefix(id, seconds < 0 ? "" : timestamp);
    if (prefix == null) {
      throw fail(Reason.MALFORMED_ID, "webhook-id holds a character outside visible ASCII");
    }
    if (headers.timestampConflict) {
      throw fail(Reason.MALFORMED_TIMESTAMP, "webhook-timestamp is repeated with different values");
    }
    if (seconds < 0) {
      throw fail(
          Reason.MALFORMED_TIMESTAMP,
          "webhook-timestamp is not a number of seconds since the epoch (digits only, at most "
              + SignedContent.MAX_TIMESTAMP_DIGITS
              + ")");
    }
    checkTolerance(seconds);
    if (headers.signatureTooLong) {
      throw fail(
          Reason.MALFORMED_SIGNATURE,
          "webhook-signature is longer than " + HeaderValues.MAX_SIGNATURE_LENGTH + " characters");
    }
    byte[][] expected = SignatureHeader.parseV1(signature);
    if (expected.length > 0 && matches(prefix, body, expected)) {
      return new VerifiedWebhook(id, seconds);
    }
    throw fail(
        Reason.NO_MATCHING_SIGNATURE,
        expected.length == 0
            ? "webhook-signature holds no v1 signature"
            : "no v1 signature matches the secret(s)");
  }

  private void checkTolerance(long seconds) {
    Instant now = clock.instant();
    long toleranceSeconds = tolerance.getSeconds();
    int toleranceNanos = tolerance.getNano();
    // Exact (seconds, nanos) arithmetic without allocating; no overflow: |now| < 2^55 s, seconds <
    // 10^18.
    long ageSeconds = now.getEpochSecond() - seconds;
    int ageNanos = now.getNano();
    if (ageSeconds > toleranceSeconds
        || (ageSeconds == toleranceSeconds && ageNanos > toleranceNanos)) {
      throw fail(Reason.TIMESTAMP_TOO_OLD, "webhook-timestamp is older than " + tolerance);
    }
    long aheadSeconds = ageNanos == 0 ? -ageSeconds : -ageSeconds - 1;
    int aheadNanos = ageNanos == 0 ? 0 : 1_000_000_000 - ageNanos;
    if (aheadSeconds > toleranceSeconds
        || (aheadSeconds == toleranceSeconds && aheadNanos > toleranceNanos)) {
      throw fail(Reason.TIMESTAMP_TOO_NEW, "webhook-timestamp is further ahead than " + tolerance);
    }
  }

  private boolean matches(byte[] prefix, byte[] body, byte[][] expected) {
    boolean matched = false;
    for (int k = 0; k < hmac.size() && !matched; k++) {
      byte[] actual = hmac.compute(k, prefix, body);
      for (byte[] candidate : expected) {
        matched |= MessageDigest.isEqual(actual, candidate);
      }
    }
    return matched;
  }

  private static WebhookVerificationException fail(Reason reason, String message) {
    return new WebhookVerificationException(reason, message);
  }

  /**
   * Builds a {@link WebhookVerifier}. At least one secret is required; the tolerance defaults to
   * five minutes and the clock to {@link Clock#systemUTC()}. Not thread-safe.
   */
  public static final class Builder {

    private final List<SecretKeySpec> keys = new ArrayList<>();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Adds a secret; a webhook signed with any added secret verifies.
     *
     * @param secret {@code whsec_<base64>}; the prefix is optional
     * @return this builder
     * @throws WebhookVerificationException with {@link Reason#INVALID_SECRET} if the secret is
     *     {@code null}, blank, not base64, or shorter than 24 bytes once decoded
     */
    public Builder addSecret(String secret) {
      keys.add(Secrets.key(secret, keys.isEmpty() ? "secret" : "secret #" + (keys.size() + 1)));
      return this;
    }

    /**
     * Replaces the secrets added so far with these, in order.
     *
     * @param secrets the secrets, each as for {@link #addSecret(String)}
     * @return this builder
     * @throws WebhookVerificationException with {@link Reason#INVALID_SECRET} if {@code secrets} is
     *     {@code null} or empty, or if any secret is invalid; the builder is then left unchanged
     */
    public Builder secrets(Collection<String> secrets) {
      List<SecretKeySpec> replaced =
          Secrets.keys(secrets == null ? null : new ArrayList<>(secrets));
      keys.clear();
      keys.addAll(replaced);
      return this;
    }

    /**
     * Sets how far the timestamp may be from now, in either direction; exactly the tolerance
     * passes.
     *
     * @param tolerance zero or positive; the default is five minutes
     * @return this builder
     * @throws NullPointerException if {@code tolerance} is {@code null}
     * @throws IllegalArgumentException if {@code tolerance} is negative
     */
    public Builder tolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance");
      if (tolerance.isNegative()) {
        throw new IllegalArgumentException("tolerance must not be negative: " + tolerance);
      }
      this.tolerance = tolerance;
      return this;
    }

    /**
     * Sets the clock that says what "now" is; for tests, a {@link Clock#fixed fixed} clock.
     *
     * @param clock the clock; the default is {@link Clock#systemUTC()}
     * @return this builder
     * @throws NullPointerException if {@code clock} is {@code null}
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Returns a verifier with this builder's secrets, tolerance and clock.
     *
     * @return the verifier
     * @throws WebhookVerificationException with {@link Reason#INVALID_SECRET} if no secret was
     *     added
     */
    public WebhookVerifier build() {
      if (keys.isEmpty()) {
        throw new WebhookVerificationException(
            Reason.INVALID_SECRET, "at least one secret is required");
      }
      return new WebhookVerifier(this);
    }
  }
}
