package com.kaicalls.sdk.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.kaicalls.sdk.internal.Json;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A field this SDK version does not know is kept, readable and written back. */
class UnknownFieldsTest {
  private static final ObjectMapper JSON = Json.newMapper();
  private static final String RUN =
      "{\"id\":\"run_1\",\"object\":\"communication_run\",\"name\":\"Reminders\",\"agent_id\":\"agent_1\","
          + "\"channel\":\"voice\",\"message\":null,\"status\":\"running\",\"schedule\":null,\"max_attempts\":2,"
          + "\"metadata\":{\"crm\":\"hubspot\"},\"recipients_count\":1,"
          + "\"counts\":{\"pending\":1,\"in_progress\":0,\"succeeded\":0,\"failed\":0,\"skipped\":0,\"retrying\":4},"
          + "\"created_at\":\"2026-03-03T16:04:21Z\",\"updated_at\":\"2026-03-03T16:04:21Z\","
          + "\"started_at\":null,\"completed_at\":null,\"cancelled_at\":null,"
          + "\"priority\":{\"level\":\"high\",\"since\":[1,2.50,null]}}";

  @Test
  void an_unknown_response_field_is_readable_as_an_additional_property() throws IOException {
    CommunicationRun run = JSON.readValue(RUN, CommunicationRun.class);

    assertThat(run.additionalProperties()).containsOnlyKeys("priority");
    assertThat(run.additionalProperties().get("priority").get("level").asText()).isEqualTo("high");
    assertThat(run.counts().additionalProperties()).containsEntry("retrying", IntNode.valueOf(4));
  }

  @Test
  void unknown_fields_survive_a_read_write_round_trip_at_every_level() throws IOException {
    String written = JSON.writeValueAsString(JSON.readValue(RUN, CommunicationRun.class));

    assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(RUN));
  }

  @Test
  void unknown_fields_inside_an_event_survive_a_round_trip_through_the_union() throws IOException {
    String event =
        "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"communication_run.paused\","
            + "\"created_at\":\"2026-03-03T16:04:21Z\",\"livemode\":false,\"workspace_id\":\"ws_1\","
            + "\"request\":{\"id\":\"req_1\"},\"data\":{\"object\":"
            + RUN
            + ",\"previous_attributes\":{}}}";

    Event parsed = JSON.readValue(event, Event.class);

    assertThat(parsed).isInstanceOf(CommunicationRunPausedEvent.class);
    assertThat(JSON.readTree(JSON.writeValueAsString(parsed))).isEqualTo(JSON.readTree(event));
  }

  @Test
  void an_additional_property_set_on_a_builder_is_sent() throws IOException {
    CancelCommunicationRunRequest request =
        CancelCommunicationRunRequest.builder()
            .reason("Duplicate")
            .putAdditionalProperty("notify", IntNode.valueOf(1))
            .build();

    assertThat(JSON.writeValueAsString(request))
        .isEqualTo("{\"reason\":\"Duplicate\",\"notify\":1}");
  }
}
