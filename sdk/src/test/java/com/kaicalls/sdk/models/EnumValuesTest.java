package com.kaicalls.sdk.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.kaicalls.sdk.internal.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Enums keep the server's raw string: unknown values read, stay visible and write back unchanged.
 */
class EnumValuesTest {
  private static final ObjectMapper JSON = Json.newMapper();

  @Test
  void an_unknown_status_in_a_response_is_readable_as_its_raw_string_and_is_not_known()
      throws IOException {
    CommunicationRun run = JSON.readValue(runJson("\"archived\""), CommunicationRun.class);

    assertThat(run.status().asString()).isEqualTo("archived");
    assertThat(run.status().isKnown()).isFalse();
    assertThat(run.status().known()).isEmpty();
    assertThat(run.status()).isNotEqualTo(CommunicationRunStatus.SCHEDULED);
  }

  @Test
  void an_unknown_status_is_written_back_unchanged() throws IOException {
    String original = runJson("\"archived\"");

    String written = JSON.writeValueAsString(JSON.readValue(original, CommunicationRun.class));

    assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(original));
  }

  @Test
  void a_known_status_reads_as_the_constant_itself() throws IOException {
    CommunicationRun run = JSON.readValue(runJson("\"paused\""), CommunicationRun.class);

    assertThat(run.status()).isSameAs(CommunicationRunStatus.PAUSED);
    assertThat(run.status().known()).contains(CommunicationRunStatus.Known.PAUSED);
  }

  @Test
  void an_unknown_value_of_a_nullable_enum_is_present_and_raw_while_null_is_empty()
      throws IOException {
    Call withNew = JSON.readValue(callJson("\"callback_requested\""), Call.class);
    Call withNull = JSON.readValue(callJson("null"), Call.class);

    assertThat(withNew.outcome())
        .hasValueSatisfying(o -> assertThat(o.asString()).isEqualTo("callback_requested"));
    assertThat(withNew.outcome().orElseThrow().isKnown()).isFalse();
    assertThat(withNull.outcome()).isEmpty();
  }

  @Test
  void an_unknown_value_in_a_list_of_enums_is_kept_in_place() throws IOException {
    Me me =
        JSON.readValue(
            "{\"object\":\"me\",\"key_id\":\"key_1\",\"workspace_id\":\"ws_1\",\"workspace_name\":\"Acme\",\"workspace_kind\":\"standalone\",\"acting_workspace_id\":null,"
                + "\"scopes\":[\"runs:read\",\"invoices:read\"],\"livemode\":false}",
            Me.class);

    assertThat(me.scopes()).containsExactly(Scope.RUNS_READ, Scope.of("invoices:read"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("specEnumValues")
  void every_value_of_every_spec_enum_is_a_known_constant_that_round_trips(
      String enumName, String value) throws Exception {
    Class<?> type = Class.forName("com.kaicalls.sdk.models." + enumName);
    ApiEnum<?> parsed = (ApiEnum<?>) JSON.readValue(JSON.writeValueAsString(value), type);

    assertThat(parsed.isKnown()).isTrue();
    assertThat(parsed).isSameAs(type.getMethod("of", String.class).invoke(null, value));
    assertThat(JSON.writeValueAsString(parsed)).isEqualTo(JSON.writeValueAsString(value));
  }

  static Stream<Arguments> specEnumValues() throws IOException {
    JsonNode schemas =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("..", "openapi.yaml").toFile())
            .at("/components/schemas");
    List<Arguments> cases = new ArrayList<>();
    for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
      for (JsonNode value : schema.getValue().path("enum")) {
        if (!value.isNull()) cases.add(Arguments.of(schema.getKey(), value.asText()));
      }
    }
    assertThat(cases).isNotEmpty();
    return cases.stream();
  }

  private static String runJson(String status) {
    return "{\"id\":\"run_1\",\"object\":\"communication_run\",\"name\":\"Reminders\",\"agent_id\":\"agent_1\","
        + "\"channel\":\"voice\",\"message\":null,\"status\":"
        + status
        + ",\"schedule\":null,\"max_attempts\":2,"
        + "\"metadata\":{},\"recipients_count\":1,"
        + "\"counts\":{\"pending\":1,\"in_progress\":0,\"succeeded\":0,\"failed\":0,\"skipped\":0},"
        + "\"created_at\":\"2026-03-03T16:04:21Z\",\"updated_at\":\"2026-03-03T16:04:21Z\","
        + "\"started_at\":null,\"completed_at\":null,\"cancelled_at\":null}";
  }

  private static String callJson(String outcome) {
    return "{\"id\":\"call_1\",\"object\":\"call\",\"direction\":\"outbound\",\"status\":\"completed\","
        + "\"from\":\"+14155550199\",\"to\":\"+14155550100\",\"agent_id\":\"agent_1\",\"agent_config_version\":3,"
        + "\"duration_seconds\":95,\"outcome\":"
        + outcome
        + ",\"created_at\":\"2026-11-28T11:58:00Z\"}";
  }
}
