package com.kaicalls.sdk.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.sdk.errors.ApiException.ErrorDetails;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an API error's message says: status, then code (or type), message, param and request id when
 * present.
 */
class ApiExceptionMessageTest {

  private static ApiException error(
      String type, String code, String message, String param, String requestId) {
    return new BadRequestException(
        new ErrorDetails(
            400, type, code, message, param, requestId, Map.of("request-id", List.of("r")), "{}"));
  }

  @Test
  void a_full_error_names_the_code_message_param_and_request_id() {
    ApiException e =
        error("invalid_request_error", "missing_field", "name is required", "name", "req_1");

    assertThat(e.getMessage())
        .isEqualTo("400 missing_field: name is required [param: name] (request req_1)");
  }

  @Test
  void without_a_code_the_type_is_named() {
    assertThat(error("invalid_request_error", null, "bad", null, null).getMessage())
        .isEqualTo("400 invalid_request_error: bad");
  }

  @Test
  void without_code_type_or_message_the_message_says_so() {
    assertThat(error(null, null, null, null, null).getMessage()).isEqualTo("400: (no message)");
  }

  @Test
  void an_empty_message_counts_as_none() {
    assertThat(error(null, null, "", null, null).getMessage()).isEqualTo("400: (no message)");
  }

  @Test
  void the_details_are_kept_on_the_exception() {
    ApiException e = error("t", "c", "m", "p", "req_2");

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.type()).isEqualTo("t");
    assertThat(e.code()).isEqualTo("c");
    assertThat(e.param()).isEqualTo("p");
    assertThat(e.requestId()).isEqualTo("req_2");
    assertThat(e.headers()).containsEntry("request-id", List.of("r"));
    assertThat(e.body()).isEqualTo("{}");
  }

  @Test
  void absent_headers_and_body_become_empty() {
    ApiException e =
        new UnexpectedStatusException(
            new ErrorDetails(418, null, null, null, null, null, null, null));

    assertThat(e.headers()).isEmpty();
    assertThat(e.body()).isEmpty();
  }

  @Test
  void a_parse_failure_names_only_the_first_line_of_its_cause() {
    ResponseParseException e =
        new ResponseParseException(
            200, null, "Call", new java.io.IOException("Unexpected token\n at [Source: x]"));

    assertThat(e.getMessage())
        .isEqualTo("Could not read the 200 response body as Call: Unexpected token");
    assertThat(e.requestId()).isNull();
  }

  @Test
  void a_parse_failure_with_a_one_line_cause_names_it_whole() {
    ResponseParseException e =
        new ResponseParseException(201, "req_3", "Call", new java.io.IOException("eof"));

    assertThat(e.getMessage())
        .isEqualTo("Could not read the 201 response body as Call (request req_3): eof");
  }
}
