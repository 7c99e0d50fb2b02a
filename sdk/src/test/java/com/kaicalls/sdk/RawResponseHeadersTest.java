package com.kaicalls.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A raw response's headers: looked up by lowercase name, built once, read-only. */
class RawResponseHeadersTest {

  @Test
  void a_header_is_found_whatever_the_case_of_the_name_asked_for() {
    RawResponse<String> response =
        new RawResponse<>(200, Map.of("request-id", List.of("req_1")), "b");

    assertThat(response.header("Request-ID")).contains("req_1");
    assertThat(response.requestId()).contains("req_1");
  }

  @Test
  void a_header_with_no_values_is_absent() {
    RawResponse<String> response = new RawResponse<>(200, Map.of("request-id", List.of()), "b");

    assertThat(response.requestId()).isEmpty();
  }

  @Test
  void the_replay_flag_is_read_in_any_case() {
    RawResponse<String> response =
        new RawResponse<>(201, Map.of("idempotent-replayed", List.of("TRUE")), "b");

    assertThat(response.idempotentReplayed()).isTrue();
  }

  @Test
  void a_replay_flag_of_false_is_not_a_replay() {
    RawResponse<String> response =
        new RawResponse<>(201, Map.of("idempotent-replayed", List.of("false")), "b");

    assertThat(response.idempotentReplayed()).isFalse();
  }

  @Test
  void headers_are_built_once_however_often_they_are_read() {
    AtomicInteger builds = new AtomicInteger();
    RawResponse<String> response =
        new RawResponse<>(
            200,
            () -> {
              builds.incrementAndGet();
              return Map.of("a", List.of("1"));
            },
            "b");

    response.headers();
    response.headers();

    assertThat(builds).hasValue(1);
  }

  @Test
  void headers_are_read_only() {
    RawResponse<String> response = new RawResponse<>(200, new java.util.HashMap<>(), "b");

    assertThatThrownBy(() -> response.headers().put("x", List.of("y")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void status_and_body_are_kept() {
    RawResponse<String> response = new RawResponse<>(202, Map.of(), "body");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("body");
  }
}
