package com.kaicalls.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.kaicalls.webhooks.WebhookVerificationException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed or forged webhook fails with one exception type and a reason saying why. */
class VerificationFailureTest {

  private static final WebhookVerifier VERIFIER = Fixtures.verifier(Fixtures.SECRET);
  private static final String TS = Long.toString(Fixtures.NOW);
  private static final String SIG =
      WebhookSigner.of(Fixtures.SECRET).sign(Fixtures.ID, Fixtures.NOW, Fixtures.BODY);
  private static final String OTHER_SIG = "v1," + Base64.getEncoder().encodeToString(new byte[32]);

  static Stream<Arguments> malformedHeaders() {
    return Stream.of(
        // MISSING_HEADER: absent, empty, or only null values.
        argumentSet("no headers at all", Fixtures.headers(), Reason.MISSING_HEADER),
        argumentSet("no webhook-id", h(null, TS, SIG), Reason.MISSING_HEADER),
        argumentSet("empty webhook-id", h("", TS, SIG), Reason.MISSING_HEADER),
        argumentSet("no webhook-timestamp", h(Fixtures.ID, null, SIG), Reason.MISSING_HEADER),
        argumentSet("empty webhook-timestamp", h(Fixtures.ID, "", SIG), Reason.MISSING_HEADER),
        argumentSet("no webhook-signature", h(Fixtures.ID, TS, null), Reason.MISSING_HEADER),
        argumentSet("blank webhook-signature", h(Fixtures.ID, TS, "   "), Reason.MISSING_HEADER),
        argumentSet(
            "svix- headers instead of webhook- headers",
            Fixtures.headers("svix-id", Fixtures.ID, "svix-timestamp", TS, "svix-signature", SIG),
            Reason.MISSING_HEADER),
        argumentSet(
            "header lists holding only null",
            Fixtures.headers(
                "webhook-id", null, "webhook-timestamp", null, "webhook-signature", null),
            Reason.MISSING_HEADER),
        argumentSet("null header lists", nullLists(), Reason.MISSING_HEADER),
        // MALFORMED_ID
        argumentSet(
            "webhook-id of 257 characters", h("m".repeat(257), TS, SIG), Reason.MALFORMED_ID),
        argumentSet("webhook-id with a space", h("msg 1", TS, SIG), Reason.MALFORMED_ID),
        argumentSet(
            "webhook-id with a non-ASCII letter", h("msg_\u00e9", TS, SIG), Reason.MALFORMED_ID),
        argumentSet(
            "webhook-id with a lone surrogate", h("msg_\uD800", TS, SIG), Reason.MALFORMED_ID),
        argumentSet(
            "webhook-id with a control character", h("msg_\u0000", TS, SIG), Reason.MALFORMED_ID),
        argumentSet(
            "webhook-id repeated with another value",
            with(h(Fixtures.ID, TS, SIG), "webhook-id", "msg_other"),
            Reason.MALFORMED_ID),
        argumentSet(
            "webhook-id repeated with another value under another case",
            with(h(Fixtures.ID, TS, SIG), "Webhook-ID", "msg_other"),
            Reason.MALFORMED_ID),
        // MALFORMED_TIMESTAMP
        argumentSet("letters", h(Fixtures.ID, "soon", SIG), Reason.MALFORMED_TIMESTAMP),
        argumentSet("negative", h(Fixtures.ID, "-" + TS, SIG), Reason.MALFORMED_TIMESTAMP),
        argumentSet("plus sign", h(Fixtures.ID, "+" + TS, SIG), Reason.MALFORMED_TIMESTAMP),
        argumentSet("leading zero", h(Fixtures.ID, "0" + TS, SIG), Reason.MALFORMED_TIMESTAMP),
        argumentSet("leading space", h(Fixtures.ID, " " + TS, SIG), Reason.MALFORMED_TIMESTAMP),
        argumentSet("fraction", h(Fixtures.ID, TS + ".5", SIG), Reason.MALFORMED_TIMESTAMP),
        argumentSet(
            "milliseconds with 19 digits",
            h(Fixtures.ID, "1700000000000000000", SIG),
            Reason.MALFORMED_TIMESTAMP),
        argumentSet(
            "beyond Long.MAX_VALUE",
            h(Fixtures.ID, "99999999999999999999999", SIG),
            Reason.MALFORMED_TIMESTAMP),
        argumentSet(
            "full-width digits",
            h(Fixtures.ID, "\uFF11\uFF17\uFF10\uFF10", SIG),
            Reason.MALFORMED_TIMESTAMP),
        argumentSet(
            "webhook-timestamp repeated with another value",
            with(h(Fixtures.ID, TS, SIG), "webhook-timestamp", Long.toString(Fixtures.NOW + 1)),
            Reason.MALFORMED_TIMESTAMP),
        // TIMESTAMP_TOO_OLD / TIMESTAMP_TOO_NEW
        argumentSet("epoch zero", h(Fixtures.ID, "0", SIG), Reason.TIMESTAMP_TOO_OLD),
        argumentSet(
            "ten minutes old",
            h(Fixtures.ID, Long.toString(Fixtures.NOW - 600), SIG),
            Reason.TIMESTAMP_TOO_OLD),
        argumentSet(
            "ten minutes ahead",
            h(Fixtures.ID, Long.toString(Fixtures.NOW + 600), SIG),
            Reason.TIMESTAMP_TOO_NEW),
        argumentSet(
            "largest 18-digit timestamp",
            h(Fixtures.ID, "999999999999999999", SIG),
            Reason.TIMESTAMP_TOO_NEW),
        // MALFORMED_SIGNATURE
        argumentSet("entry without a comma", h(Fixtures.ID, TS, "v1"), Reason.MALFORMED_SIGNATURE),
        argumentSet(
            "entry without a version", h(Fixtures.ID, TS, ",abc"), Reason.MALFORMED_SIGNATURE),
        argumentSet(
            "v1 entry that is not base64",
            h(Fixtures.ID, TS, "v1,not base64!"),
            Reason.MALFORMED_SIGNATURE),
        argumentSet("empty v1 entry", h(Fixtures.ID, TS, "v1,"), Reason.MALFORMED_SIGNATURE),
        argumentSet(
            "v1 entry of 3 bytes", h(Fixtures.ID, TS, "v1,AAAA"), Reason.MALFORMED_SIGNATURE),
        argumentSet(
            "v1 entry with non-zero padding bits",
            h(Fixtures.ID, TS, "v1," + "A".repeat(42) + "B="),
            Reason.MALFORMED_SIGNATURE),
        argumentSet(
            "v1 entry with a non-ASCII character",
            h(Fixtures.ID, TS, "v1," + "A".repeat(42) + "\u00C0="),
            Reason.MALFORMED_SIGNATURE),
        argumentSet(
            "v1 entry in base64url",
            h(Fixtures.ID, TS, "v1," + "_".repeat(42) + "A="),
            Reason.MALFORMED_SIGNATURE),
        argumentSet(
            "valid entry next to a malformed one",
            h(Fixtures.ID, TS, SIG + " v1"),
            Reason.MALFORMED_SIGNATURE),
        argumentSet(
            "33 entries",
            h(Fixtures.ID, TS, String.join(" ", nCopies(33, SIG))),
            Reason.MALFORMED_SIGNATURE),
        argumentSet(
            "header of 9000 characters",
            h(Fixtures.ID, TS, SIG + " v2," + "A".repeat(9000)),
            Reason.MALFORMED_SIGNATURE),
        argumentSet(
            "repeated headers that together pass 8192 characters",
            with(h(Fixtures.ID, TS, SIG), "webhook-signature", "v2," + "A".repeat(8190)),
            Reason.MALFORMED_SIGNATURE),
        // NO_MATCHING_SIGNATURE
        argumentSet(
            "signature of another secret",
            h(Fixtures.ID, TS, OTHER_SIG),
            Reason.NO_MATCHING_SIGNATURE),
        argumentSet(
            "only unknown versions",
            h(Fixtures.ID, TS, "v2," + SIG.substring(3) + " v1a,xyz"),
            Reason.NO_MATCHING_SIGNATURE),
        argumentSet(
            "signature of another id", h("msg_other", TS, SIG), Reason.NO_MATCHING_SIGNATURE),
        argumentSet(
            "signature of another second",
            h(Fixtures.ID, Long.toString(Fixtures.NOW - 1), SIG),
            Reason.NO_MATCHING_SIGNATURE),
        argumentSet(
            "svix-style v1 signature under the v2 label",
            h(Fixtures.ID, TS, "v2," + SIG.substring(3)),
            Reason.NO_MATCHING_SIGNATURE));
  }

  @ParameterizedTest
  @MethodSource("malformedHeaders")
  void malformedHeadersFailWithTheirReason(Map<String, List<String>> headers, Reason expected) {
    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class, () -> VERIFIER.verify(Fixtures.BODY, headers));

    assertThat(failure).isNotNull();
    assertThat(failure.reason()).isEqualTo(expected);
    assertThat(failure.getMessage()).isNotBlank().doesNotContain(Fixtures.SECRET.substring(6));
  }

  @Test
  void theUnmodifiedHeadersVerifySoThatEachCaseAboveFailsForItsOwnReason() {
    VerifiedWebhook webhook = VERIFIER.verify(Fixtures.BODY, h(Fixtures.ID, TS, SIG));

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void aNullHeaderMapFailsWithMissingHeader() {
    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class,
            () -> VERIFIER.verify(Fixtures.BODY, (Map<String, List<String>>) null));

    assertThat(failure.reason()).isEqualTo(Reason.MISSING_HEADER);
  }

  @Test
  void aNullLookupFunctionFailsWithMissingHeader() {
    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class,
            () ->
                VERIFIER.verify(Fixtures.BODY, (java.util.function.Function<String, String>) null));

    assertThat(failure.reason()).isEqualTo(Reason.MISSING_HEADER);
  }

  @Test
  void aNullByteBodyFailsWithMissingBody() {
    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class,
            () -> VERIFIER.verify((byte[]) null, h(Fixtures.ID, TS, SIG)));

    assertThat(failure.reason()).isEqualTo(Reason.MISSING_BODY);
  }

  @Test
  void aNullStringBodyFailsWithMissingBody() {
    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class,
            () -> VERIFIER.verify((String) null, h(Fixtures.ID, TS, SIG)));

    assertThat(failure.reason()).isEqualTo(Reason.MISSING_BODY);
  }

  /** Standard headers; a {@code null} value leaves that header out. */
  private static Map<String, List<String>> h(String id, String timestamp, String signature) {
    Map<String, List<String>> headers = Fixtures.headers();
    if (id != null) {
      headers.put("webhook-id", new ArrayList<>(List.of(id)));
    }
    if (timestamp != null) {
      headers.put("webhook-timestamp", new ArrayList<>(List.of(timestamp)));
    }
    if (signature != null) {
      headers.put("webhook-signature", new ArrayList<>(List.of(signature)));
    }
    return headers;
  }

  private static Map<String, List<String>> with(
      Map<String, List<String>> headers, String name, String value) {
    headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    return headers;
  }

  private static Map<String, List<String>> nullLists() {
    Map<String, List<String>> headers = Fixtures.headers();
    headers.put("webhook-id", null);
    headers.put("webhook-timestamp", null);
    headers.put("webhook-signature", null);
    return headers;
  }

  private static List<String> nCopies(int n, String value) {
    String[] values = new String[n];
    Arrays.fill(values, value);
    return Arrays.asList(values);
  }
}
