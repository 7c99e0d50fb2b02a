package com.kaicalls.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.sdk.errors.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Turning an error response into an exception: where the request id and the message come from. */
class ErrorResponsesTest {
  private final ErrorResponses errors =
      new ErrorResponses(Json.newMapper(), new RetryPolicy(Clock.systemUTC(), () -> 0.0));

  @Test
  void the_request_id_header_wins_over_the_envelope() {
    ApiException e =
        errors.toException(
            400,
            Map.of("request-id", List.of("req_header")),
            "{\"error\":{\"request_id\":\"req_body\"}}");

    assertThat(e.requestId()).isEqualTo("req_header");
  }

  @Test
  void without_the_header_the_request_id_comes_from_the_envelope() {
    ApiException e = errors.toException(400, Map.of(), "{\"error\":{\"request_id\":\"req_body\"}}");

    assertThat(e.requestId()).isEqualTo("req_body");
  }

  @Test
  void a_body_that_is_not_an_envelope_becomes_the_message_up_to_200_characters() {
    String body = "x".repeat(200);

    assertThat(errors.toException(502, Map.of(), body).getMessage()).isEqualTo("502: " + body);
  }

  @Test
  void a_longer_body_is_cut_to_200_characters_in_the_message_and_kept_whole_on_the_exception() {
    String body = "x".repeat(201);

    ApiException e = errors.toException(502, Map.of(), body);

    assertThat(e.getMessage()).isEqualTo("502: " + "x".repeat(200));
    assertThat(e.body()).isEqualTo(body);
  }
}
