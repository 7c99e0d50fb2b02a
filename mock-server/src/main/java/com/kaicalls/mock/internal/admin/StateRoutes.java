package com.kaicalls.mock.internal.admin;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.kaicalls.mock.internal.store.Json;

/**
 * Admin routes over the whole state: {@code GET requests} (the request log, newest first, {@code
 * ?limit=} 1 to its size, default 100, {@code ?workspace=ws_...}), {@code GET snapshot} (the state
 * as a snapshot document) and {@code POST snapshot} (replace the state with one; 400 in the
 * envelope, nothing changed, when it cannot be restored).
 */
final class StateRoutes {

  private final EmulatorControls emulator;

  StateRoutes(EmulatorControls emulator) {
    this.emulator = emulator;
  }

  /** Adds the routes (called by {@link AdminRoutes}, the one admin extension). */
  void register(Router router) {
    router.add(
        RequestMethod.GET,
        "/kaicalls/requests",
        (admin, event, params) -> {
          Request request = event.getRequest();
          String limit = first(request.queryParameter("limit"));
          try {
            return AdminRoutes.json(
                200,
                emulator.requests(
                    limit == null ? null : parse(limit),
                    first(request.queryParameter("workspace"))));
          } catch (IllegalArgumentException e) {
            return AdminRoutes.envelope("parameter_invalid", e.getMessage(), "limit");
          }
        });
    router.add(
        RequestMethod.GET,
        "/kaicalls/snapshot",
        (admin, event, params) ->
            new ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(emulator.snapshot())
                .build());
    router.add(
        RequestMethod.POST,
        "/kaicalls/snapshot",
        (admin, event, params) -> {
          try {
            emulator.restoreSnapshot(event.getRequest().getBody());
          } catch (SnapshotException e) {
            return AdminRoutes.envelope(e.code(), e.getMessage(), e.param());
          }
          return AdminRoutes.json(
              200,
              Json.object()
                  .put("restored", true)
                  .put("now", emulator.clock().instant().toString()));
        });
  }

  /** A limit as given, or 0 (refused as out of range) when it is not an integer. */
  private static int parse(String limit) {
    try {
      return Integer.parseInt(limit.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String first(QueryParameter parameter) {
    return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
  }
}
