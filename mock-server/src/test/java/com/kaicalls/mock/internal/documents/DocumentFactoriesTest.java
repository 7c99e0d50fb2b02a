package com.kaicalls.mock.internal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.spec.ApiSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each document factory is the one definition of its openapi.yaml schema's shape. */
class DocumentFactoriesTest {

  private static final Instant AT = Instant.parse("2026-11-02T15:00:00Z");

  /**
   * A document of each factory, with nothing set but its id and {@code created_at}, by schema name.
   */
  private static Map<String, ObjectNode> emptyDocuments() {
    Map<String, ObjectNode> documents = new LinkedHashMap<>();
    documents.put("Agent", AgentDocument.of("agent_1", AT).build());
    documents.put("AgentConfigVersion", AgentConfigVersionDocument.of("acv_1", AT).build());
    documents.put("Appointment", AppointmentDocument.of("appt_1", AT).build());
    documents.put("Attempt", AttemptDocument.of("att_1", AT).build());
    documents.put("Call", CallDocument.of("call_1", AT).build());
    documents.put("CommunicationRun", RunDocument.of("run_1", AT).build());
    documents.put("Conversation", ConversationDocument.of("conv_1", AT).build());
    documents.put("ConversationMessage", ConversationMessageDocument.of("msg_1", AT).build());
    documents.put("EventDelivery", EventDeliveryDocument.of("dlv_1", AT).build());
    documents.put("Job", JobDocument.of("job_1", AT).build());
    documents.put("Lead", LeadDocument.of("lead_1", AT).build());
    documents.put("Recording", RecordingDocument.of("rec_1", AT).build());
    documents.put("SmsMessage", SmsMessageDocument.of("sms_1", AT).build());
    return documents;
  }

  private static List<String> properties(JsonNode schema) {
    List<String> names = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(names::add);
    schema
        .path("allOf")
        .forEach(part -> part.path("properties").fieldNames().forEachRemaining(names::add));
    return names;
  }

  private static List<String> fields(ObjectNode document) {
    List<String> names = new ArrayList<>();
    document.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void everyFactoryWritesEveryPropertyOfItsSchemaInTheSchemasOrder() {
    JsonNode schemas = ApiSpec.load().root.path("components").path("schemas");
    Map<String, List<String>> expected = new LinkedHashMap<>();
    Map<String, List<String>> written = new LinkedHashMap<>();

    emptyDocuments()
        .forEach(
            (schema, document) -> {
              expected.put(schema, properties(schemas.path(schema)));
              written.put(schema, fields(document));
            });

    assertThat(written).isEqualTo(expected);
  }

  @Test
  void aFactoryNamesItsObjectAndLeavesWhatWasNotSetNull() {
    ObjectNode call = CallDocument.of("call_1", AT).direction("inbound").build();

    assertThat(call.path(Fields.OBJECT).asText()).isEqualTo(Collections.CALL);
    assertThat(call.path(Fields.CREATED_AT).asText()).isEqualTo("2026-11-02T15:00:00Z");
    assertThat(call.path(Fields.DIRECTION).asText()).isEqualTo("inbound");
    assertThat(call.path(Fields.SUMMARY).isNull()).isTrue();
  }
}
