package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.kaicalls.sdk.internal.Json;
import com.kaicalls.sdk.models.CallCompletedEvent;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.sdk.models.EventType;
import com.kaicalls.sdk.models.UnknownEvent;
import com.kaicalls.webhooks.WebhookSecrets;
import com.kaicalls.webhooks.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An event type added to the API after this SDK version reads as {@link UnknownEvent}, never as
 * null.
 */
class UnknownEventTest {
  private static final String NEW_TYPE = "payment.refunded";
  private static final String UNKNOWN =
      "{\"id\":\"evt_new1\",\"object\":\"event\",\"type\":\""
          + NEW_TYPE
          + "\",\"created_at\":\"2026-11-28T11:59:58Z\","
          + "\"livemode\":false,\"workspace_id\":\"ws_3Hk9PqT2vXa1\",\"data\":{\"object\":{\"amount\":1200}}}";
  private static final String KNOWN =
      "{\"id\":\"evt_known1\",\"object\":\"event\",\"type\":\"call.completed\","
          + "\"created_at\":\"2026-11-28T11:59:58Z\",\"livemode\":false,\"workspace_id\":\"ws_3Hk9PqT2vXa1\","
          + "\"data\":{\"object\":{\"id\":\"call_2Wn7YbH4pLs9\",\"object\":\"call\",\"direction\":\"outbound\","
          + "\"status\":\"completed\",\"from\":\"+14155550199\",\"to\":\"+14155550100\",\"agent_id\":\"agent_5Rt8Lm2Qx9Vb\","
          + "\"agent_config_version\":3,\"duration_seconds\":95,\"created_at\":\"2026-11-28T11:58:00Z\"}}}";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final ObjectMapper json = Json.newMapper();

  @Test
  void an_unknown_event_type_in_a_list_page_reads_as_an_unknown_event_with_its_raw_type_and_json() {
    stubEvents(null, null, UNKNOWN, KNOWN);
    KaiCallsClient client = TestClients.against(server.baseUrl(), new RecordingSleeper()).build();

    List<Event> events = client.events().list().data();

    assertThat(events).hasSize(2).doesNotContainNull();
    assertThat(events.get(0)).isInstanceOfSatisfying(UnknownEvent.class, this::assertUnknown);
    assertThat(events.get(1)).isInstanceOf(CallCompletedEvent.class);
  }

  @Test
  void an_unknown_event_type_on_a_later_page_reads_as_an_unknown_event_in_the_auto_pager() {
    stubEvents(null, "c1", KNOWN);
    stubEvents("c1", null, UNKNOWN);
    KaiCallsClient client = TestClients.against(server.baseUrl(), new RecordingSleeper()).build();

    List<Event> events = client.events().list().autoPager().stream().collect(Collectors.toList());

    assertThat(events).hasSize(2).doesNotContainNull();
    assertThat(events.get(1)).isInstanceOfSatisfying(UnknownEvent.class, this::assertUnknown);
  }

  @Test
  void a_webhook_of_an_unknown_event_type_unwraps_to_an_unknown_event_instead_of_failing() {
    Instant now = Instant.parse("2026-11-28T12:00:00Z");
    String secret = WebhookSecrets.generate();
    KaiCallsClient client =
        KaiCallsClient.builder()
            .apiKey("kc_test_webhooks")
            .webhookSecret(secret)
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .build();
    byte[] body = UNKNOWN.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        WebhookSigner.of(secret).headers("evt_new1", now.getEpochSecond(), body);

    Event event = client.webhooks().unwrap(body, headers::get);

    assertThat(event).isInstanceOfSatisfying(UnknownEvent.class, this::assertUnknown);
  }

  @Test
  void an_unknown_event_writes_back_exactly_as_it_was_read() throws Exception {
    Event event = json.readValue(UNKNOWN, Event.class);

    assertThat(json.readTree(json.writeValueAsString(event))).isEqualTo(json.readTree(UNKNOWN));
  }

  @Test
  void a_known_event_type_reads_as_its_constant() throws Exception {
    Event event = json.readValue(KNOWN, Event.class);

    assertThat(event.type()).isSameAs(EventType.CALL_COMPLETED);
  }

  private void assertUnknown(UnknownEvent e) {
    assertThat(e.type().asString()).isEqualTo(NEW_TYPE);
    assertThat(e.type().isKnown()).isFalse();
    assertThat(e.id()).isEqualTo("evt_new1");
    assertThat(e.workspaceId()).isEqualTo("ws_3Hk9PqT2vXa1");
    assertThat(e.createdAt())
        .isEqualTo(Instant.parse("2026-11-28T11:59:58Z").atOffset(ZoneOffset.UTC));
    assertThat(e.json().at("/data/object/amount").asInt()).isEqualTo(1200);
  }

  private static void stubEvents(String cursor, String nextCursor, String... events) {
    var route = Fixtures.route("GET", "/v1/events");
    if (cursor != null) route = route.withQueryParam("cursor", equalTo(cursor));
    else
      route =
          route.withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent());
    server.stubFor(
        route.willReturn(
            Fixtures.json(
                200,
                "{\"object\":\"list\",\"data\":["
                    + String.join(",", events)
                    + "],\"has_more\":"
                    + (nextCursor != null)
                    + ",\"next_cursor\":"
                    + (nextCursor == null ? "null" : "\"" + nextCursor + "\"")
                    + "}")));
  }
}
