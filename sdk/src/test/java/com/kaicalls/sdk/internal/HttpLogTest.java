package com.kaicalls.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the debug log says, exactly, and that it says nothing unless switched on. */
class HttpLogTest {
  private static final String KEY = "kc_test_secretPart0123";
  private static final String URL = "http://127.0.0.1:1/v1/calls";

  @RegisterExtension final LogCapture captured = new LogCapture();

  private static HttpLog logWith(String setting) {
    System.setProperty("kaicalls.log", setting);
    return HttpLog.fromEnvironment();
  }

  @Test
  void debug_in_any_case_with_surrounding_spaces_switches_logging_on() {
    assertThat(logWith(" DeBuG ").enabled()).isTrue();
  }

  @Test
  void a_level_other_than_info_or_debug_leaves_logging_off() {
    assertThat(logWith("verbose").enabled()).isFalse();
  }

  @Test
  void a_log_that_is_off_writes_nothing_for_any_event() {
    HttpLog log = logWith("off");

    log.request("listCalls", "GET", URL, Headers.of("Accept", "application/json"), "{}", 0);
    log.response("GET", URL, 200, 5, Headers.of(), "{}");
    log.failure("GET", URL, new IOException("reset"));
    log.retry(1, 500, "503");

    assertThat(captured.lines()).isEmpty();
  }

  @Test
  void a_request_line_names_the_call_the_attempt_and_the_headers_with_the_authorization_redacted() {
    HttpLog log = logWith("debug");

    log.request(
        "createCall",
        "POST",
        URL,
        Headers.of("Authorization", "Bearer " + KEY, "Idempotency-Key", "k1", "X-Note", KEY),
        "{\"api_key\":\"" + KEY + "\"}",
        1);

    assertThat(captured.lines())
        .containsExactly(
            "--> POST "
                + URL
                + " (createCall, attempt 2) headers={Authorization=[redacted], Idempotency-Key=k1,"
                + " X-Note=kc_test_[redacted]} body={\"api_key\":\"[redacted]\"}");
  }

  @Test
  void a_request_without_a_body_has_no_body_part() {
    HttpLog log = logWith("debug");

    log.request("listCalls", "GET", URL, Headers.of(), null, 0);

    assertThat(captured.lines())
        .containsExactly("--> GET " + URL + " (listCalls, attempt 1) headers={}");
  }

  @Test
  void a_body_of_exactly_4096_characters_is_logged_whole() {
    HttpLog log = logWith("debug");
    String body = "x".repeat(4096);

    log.request("createCall", "POST", URL, Headers.of(), body, 0);

    assertThat(captured.lines().get(0)).endsWith(" body=" + body);
  }

  @Test
  void a_longer_body_is_clipped_to_4096_characters_and_an_ellipsis() {
    HttpLog log = logWith("debug");
    String body = "x".repeat(4096) + "tail";

    log.request("createCall", "POST", URL, Headers.of(), body, 0);

    assertThat(captured.lines().get(0)).endsWith(" body=" + "x".repeat(4096) + "...");
  }

  @Test
  void a_response_line_names_the_status_the_time_and_the_request_id() {
    HttpLog log = logWith("debug");

    log.response("GET", URL, 404, 12, Headers.of("Request-Id", "req_1"), "{\"error\":{}}");

    assertThat(captured.lines())
        .containsExactly("<-- 404 GET " + URL + " (12 ms) request-id=req_1 body={\"error\":{}}");
  }

  @Test
  void a_response_without_a_body_has_no_body_part() {
    HttpLog log = logWith("debug");

    log.response("GET", URL, 200, 3, Headers.of("Request-Id", "req_2"), null);

    assertThat(captured.lines()).containsExactly("<-- 200 GET " + URL + " (3 ms) request-id=req_2");
  }

  @Test
  void a_failure_line_redacts_keys_in_the_exception() {
    HttpLog log = logWith("debug");

    log.failure("GET", URL, new IOException("refused for " + KEY));

    assertThat(captured.lines())
        .containsExactly(
            "<-- GET " + URL + " failed: java.io.IOException: refused for kc_test_[redacted]");
  }

  @Test
  void a_retry_line_names_the_retry_the_delay_and_the_redacted_reason() {
    HttpLog log = logWith("debug");

    log.retry(2, 750, "429 for " + KEY);

    assertThat(captured.lines())
        .containsExactly("retry 2 in 750 ms after 429 for kc_test_[redacted]");
  }
}
