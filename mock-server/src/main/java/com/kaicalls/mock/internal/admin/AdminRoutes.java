package com.kaicalls.mock.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.api.ErrorEnvelope;
import com.kaicalls.mock.internal.http.FaultRegistry;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Rfc3339;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/**
 * Emulator controls under {@code /__admin/kaicalls}: {@code POST reset}, {@code GET keys}, {@code
 * POST communication-runs/generate} ({@code {"count": 2500, "workspace": "demo"}}), {@code GET
 * clock}, {@code POST clock/advance} ({@code {"seconds": N}} or {@code {"to": "<RFC 3339>"}}) and
 * {@code GET|POST|DELETE faults}. The request log and snapshots are in {@link StateRoutes}.
 */
public final class AdminRoutes implements AdminApiExtension {

  /** A hundred years: beyond it an advance overflows the clock's arithmetic (1e400 is infinite). */
  private static final double MAX_ADVANCE_SECONDS = 100 * 365.25 * 86400;

  private final EmulatorControls emulator;

  public AdminRoutes(EmulatorControls emulator) {
    this.emulator = emulator;
  }

  @Override
  public String getName() {
    return "kaicalls-admin";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    new StateRoutes(emulator).register(router);
    router.add(
        RequestMethod.POST,
        "/kaicalls/reset",
        (admin, event, params) -> {
          emulator.reset();
          return json(200, Json.object().put("reset", true));
        });
    router.add(RequestMethod.GET, "/kaicalls/clock", (admin, event, params) -> json(200, clock()));
    router.add(
        RequestMethod.POST,
        "/kaicalls/clock/advance",
        (admin, event, params) -> {
          JsonNode body = body(event);
          if (body == null) {
            return invalidJson();
          }
          Instant now = emulator.clock().instant();
          Instant target;
          if (body.hasNonNull("seconds") && body.get("seconds").isNumber() && !body.has("to")) {
            double seconds = body.get("seconds").asDouble();
            if (seconds < 0) {
              return error("seconds must not be negative", "seconds");
            }
            if (seconds > MAX_ADVANCE_SECONDS) {
              return error(
                  "seconds must be at most " + (long) MAX_ADVANCE_SECONDS + " (100 years)",
                  "seconds");
            }
            target = now.plusMillis((long) (seconds * 1000));
          } else if (body.hasNonNull("to") && !body.has("seconds")) {
            try {
              target = Rfc3339.parse(body.get("to").asText());
            } catch (DateTimeException e) {
              return error("to must be an RFC 3339 date-time", "to");
            }
            if (target.isBefore(now)) {
              return error(
                  "to is in the past (now is " + now + "); the clock never goes back", "to");
            }
          } else {
            return error("give either {\"seconds\": N} or {\"to\": \"<RFC 3339>\"}", null);
          }
          emulator.advanceClockTo(target);
          return json(200, clock());
        });
    router.add(
        RequestMethod.GET,
        "/kaicalls/faults",
        (admin, event, params) ->
            json(200, Json.object().set("faults", emulator.faults().toJson())));
    router.add(
        RequestMethod.POST,
        "/kaicalls/faults",
        (admin, event, params) -> {
          JsonNode body = body(event);
          if (body == null || !body.isObject()) {
            return invalidJson();
          }
          FaultRegistry.Rule rule;
          try {
            rule =
                new FaultRegistry.Rule(
                    Json.text(body, "method"),
                    Json.text(body, "path"),
                    body.path("count").asInt(1),
                    body.path("fault").asText(""),
                    body.path("status").asInt(0),
                    body.hasNonNull("retry_after") ? body.get("retry_after").asLong() : null,
                    body.path("delay_ms").asLong(0));
          } catch (IllegalArgumentException e) {
            return error(e.getMessage(), null);
          }
          emulator.faults().add(rule);
          return json(201, rule.toJson());
        });
    router.add(
        RequestMethod.DELETE,
        "/kaicalls/faults",
        (admin, event, params) ->
            json(200, Json.object().put("cleared", emulator.faults().clear())));
    router.add(
        RequestMethod.GET,
        "/kaicalls/keys",
        (admin, event, params) ->
            json(
                200,
                Json.object()
                    .put("demo_workspace_id", Workspaces.DEMO_ID)
                    .put("demo_api_key", emulator.apiKey())
                    .put("other_workspace_id", Workspaces.OTHER_ID)
                    .put("other_api_key", emulator.otherWorkspaceApiKey())
                    .put("agency_workspace_id", Workspaces.AGENCY_ID)
                    .put("agency_api_key", emulator.agencyApiKey())));
    router.add(
        RequestMethod.POST,
        "/kaicalls/communication-runs/generate",
        (admin, event, params) -> {
          JsonNode body;
          try {
            byte[] raw = event.getRequest().getBody();
            body = raw == null || raw.length == 0 ? Json.object() : Json.parse(raw);
          } catch (IOException e) {
            return invalidJson();
          }
          int count = body.path("count").asInt(100);
          if (count < 1 || count > 100_000) {
            return error("count must be 1..100000", "count");
          }
          List<String> ids =
              emulator.generateRuns(
                  emulator.workspaceFor(body.path("workspace").asText("demo")), count);
          ObjectNode result = Json.object().put("created", ids.size());
          result.put("first_id", ids.get(0)).put("last_id", ids.get(ids.size() - 1));
          return json(201, result);
        });
  }

  private ObjectNode clock() {
    ObjectNode clock = Json.object();
    clock.put("now", emulator.clock().instant().toString());
    clock.put("mode", emulator.manualClock() ? "manual" : "realtime");
    clock.put("speed", emulator.clockSpeed());
    return clock;
  }

  private static JsonNode body(com.github.tomakehurst.wiremock.stubbing.ServeEvent event) {
    try {
      byte[] raw = event.getRequest().getBody();
      return raw == null || raw.length == 0 ? Json.object() : Json.parse(raw);
    } catch (IOException e) {
      return null;
    }
  }

  /** A 400 in the API's error envelope, naming the field at fault ({@code null} when none is). */
  private static ResponseDefinition error(String message, String param) {
    return envelope("parameter_invalid", message, param);
  }

  private static ResponseDefinition invalidJson() {
    return envelope("invalid_json", "The request body is not valid JSON.", null);
  }

  static ResponseDefinition envelope(String code, String message, String param) {
    return new ResponseDefinitionBuilder()
        .withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withHeader(ErrorEnvelope.SHOULD_RETRY, ErrorEnvelope.shouldRetry(400, code))
        .withBody(
            ErrorEnvelope.json(
                "invalid_request", code, message, param, ErrorEnvelope.newRequestId()))
        .build();
  }

  static ResponseDefinition json(int status, JsonNode body) {
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(Json.bytes(body))
        .build();
  }
}
