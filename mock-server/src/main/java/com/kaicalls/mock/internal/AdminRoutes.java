package com.kaicalls.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;
import java.util.List;

/**
 * Emulator controls under {@code /__admin/kaicalls}: {@code POST reset}, {@code GET keys}, {@code
 * POST communication-runs/generate} ({@code {"count": 2500, "workspace": "demo"}}).
 */
final class AdminRoutes implements AdminApiExtension {

  private final Emulator emulator;

  AdminRoutes(Emulator emulator) {
    this.emulator = emulator;
  }

  @Override
  public String getName() {
    return "kaicalls-admin";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(RequestMethod.POST, "/kaicalls/reset", (admin, event, params) -> {
      emulator.reset();
      return json(200, Json.object().put("reset", true));
    });
    router.add(RequestMethod.GET, "/kaicalls/keys", (admin, event, params) -> json(200, Json.object()
        .put("demo_workspace_id", Emulator.DEMO_WORKSPACE)
        .put("demo_api_key", emulator.apiKey())
        .put("other_workspace_id", Emulator.OTHER_WORKSPACE)
        .put("other_api_key", emulator.otherWorkspaceApiKey())));
    router.add(RequestMethod.POST, "/kaicalls/communication-runs/generate", (admin, event, params) -> {
      JsonNode body;
      try {
        byte[] raw = event.getRequest().getBody();
        body = raw == null || raw.length == 0 ? Json.object() : Json.parse(raw);
      } catch (IOException e) {
        return json(400, Json.object().put("error", "invalid JSON"));
      }
      int count = body.path("count").asInt(100);
      if (count < 1 || count > 100_000) {
        return json(400, Json.object().put("error", "count must be 1..100000"));
      }
      List<String> ids = emulator.generateRuns(emulator.workspaceFor(body.path("workspace").asText("demo")), count);
      ObjectNode result = Json.object().put("created", ids.size());
      result.put("first_id", ids.get(0)).put("last_id", ids.get(ids.size() - 1));
      return json(201, result);
    });
  }

  private static ResponseDefinition json(int status, JsonNode body) {
    return new ResponseDefinitionBuilder().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(Json.bytes(body)).build();
  }
}
