package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.kaicalls.sdk.models.Channel;
import com.kaicalls.sdk.models.CreateApiKeyRequest;
import com.kaicalls.sdk.models.CreateCommunicationRunRequest;
import com.kaicalls.sdk.models.Recipient;
import com.kaicalls.sdk.models.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/** Request bodies and canned responses shaped like openapi.yaml's, for transport-level tests. */
final class Fixtures {
  /** A {@code call.completed} event as a webhook delivers it. */
  static final String CALL_COMPLETED_EVENT =
      "{\"id\":\"evt_2Lk9Wq4ZtR7b\",\"object\":\"event\",\"type\":\"call.completed\","
          + "\"created_at\":\"2026-11-28T11:59:58Z\",\"livemode\":false,\"workspace_id\":\"ws_3Hk9PqT2vXa1\","
          + "\"data\":{\"object\":{\"id\":\"call_2Wn7YbH4pLs9\",\"object\":\"call\",\"direction\":\"outbound\","
          + "\"status\":\"completed\",\"from\":\"+14155550199\",\"to\":\"+14155550100\",\"agent_id\":\"agent_5Rt8Lm2Qx9Vb\","
          + "\"agent_config_version\":3,\"duration_seconds\":95,\"created_at\":\"2026-11-28T11:58:00Z\"}}}";

  static final String RUN_ID = "run_8f3kq2LmT0aZ";
  private static final AtomicInteger REQUEST_IDS = new AtomicInteger();

  private Fixtures() {}

  static MappingBuilder route(String method, String path) {
    return request(method, urlPathEqualTo(path));
  }

  static CreateCommunicationRunRequest createRunRequest() {
    return CreateCommunicationRunRequest.builder()
        .name("Spring HVAC tune-up reminders")
        .agentId("agent_5Rt8Lm2Qx9Vb")
        .channel(Channel.VOICE)
        .addRecipient(Recipient.builder().phone("+14155550100").firstName("Dana").build())
        .build();
  }

  static CreateApiKeyRequest createApiKeyRequest() {
    return CreateApiKeyRequest.builder().name("Zapier bridge").addScope(Scope.RUNS_READ).build();
  }

  static String runJson() {
    return runJson(RUN_ID);
  }

  static String runJson(String id) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"communication_run\",\"name\":\"Spring HVAC tune-up reminders\","
        + "\"agent_id\":\"agent_5Rt8Lm2Qx9Vb\",\"channel\":\"voice\",\"message\":null,\"status\":\"scheduled\","
        + "\"schedule\":null,\"max_attempts\":2,\"metadata\":{},\"recipients_count\":1,"
        + "\"counts\":{\"pending\":1,\"in_progress\":0,\"succeeded\":0,\"failed\":0,\"skipped\":0},"
        + "\"created_at\":\"2026-03-03T16:04:21Z\",\"updated_at\":\"2026-03-03T16:04:21Z\","
        + "\"started_at\":null,\"completed_at\":null,\"cancelled_at\":null}";
  }

  static String meJson() {
    return "{\"object\":\"me\",\"key_id\":\"key_9yRbP2kWq7Hx\",\"workspace_id\":\"ws_3Hk9PqT2vXa1\","
        + "\"workspace_name\":\"Acme Plumbing\",\"workspace_kind\":\"standalone\",\"acting_workspace_id\":null,\"scopes\":[\"runs:read\",\"runs:write\"],\"livemode\":false}";
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", nextRequestId())
        .withBody(body);
  }

  static ResponseDefinitionBuilder error(int status, String type, String code) {
    String requestId = nextRequestId();
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", requestId)
        .withBody(
            "{\"error\":{\"type\":\""
                + type
                + "\",\"code\":\""
                + code
                + "\",\"message\":\"Something about "
                + code
                + ".\",\"param\":null,\"request_id\":\""
                + requestId
                + "\"}}");
  }

  static String nextRequestId() {
    return "req_test" + REQUEST_IDS.incrementAndGet();
  }

  /** A loopback port nothing listens on. */
  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stubs a route to answer with these statuses in turn (the last one repeats); 2xx bodies are a
   * run or /v1/me.
   */
  static void stubSequence(WireMockExtension server, String method, String url, int... statuses) {
    String state = Scenario.STARTED;
    for (int i = 0; i < statuses.length; i++) {
      String next = i == statuses.length - 1 ? state : "attempt-" + (i + 1);
      int status = statuses[i];
      server.stubFor(
          route(method, url)
              .inScenario("sequence")
              .whenScenarioStateIs(state)
              .willReturn(
                  status < 300
                      ? json(status, url.equals("/v1/me") ? meJson() : runJson())
                      : error(status, "api_error", "failed_with_" + status))
              .willSetStateTo(next));
      state = next;
    }
  }
}
