package com.kaicalls.mock.internal.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.api.ApiCall;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.api.ApiResponse;
import com.kaicalls.mock.internal.api.Handler;
import com.kaicalls.mock.internal.api.Lists;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.util.Map;

/**
 * Generic list and retrieve for the read-only resources, plus {@code /v1/me} and sub-lists (events
 * are the webhooks package's: an agency reaches its clients').
 */
public final class ReadHandlers {

  private final Store store;
  private final Workspaces workspaces;
  private final RecordingAudio recordingContent;

  /** Handlers reading {@code store}, {@code workspaces} and recordings' audio. */
  public ReadHandlers(Store store, Workspaces workspaces, RecordingAudio recordingContent) {
    this.store = store;
    this.workspaces = workspaces;
    this.recordingContent = recordingContent;
  }

  /** Adds its handlers, by operation id. */
  public void register(Map<String, Handler> handlers) {
    handlers.put("getMe", this::me);
    resource(handlers, "Leads", "Lead", Collections.LEAD);
    resource(handlers, "Calls", "Call", Collections.CALL);
    resource(handlers, "CommunicationRuns", "CommunicationRun", Collections.COMMUNICATION_RUN);
    resource(handlers, "EventDeliveries", "EventDelivery", Collections.EVENT_DELIVERY);
    resource(handlers, "SmsMessages", "SmsMessage", Collections.SMS_MESSAGE);
    resource(handlers, "Conversations", "Conversation", Collections.CONVERSATION);
    resource(handlers, "Jobs", "Job", Collections.JOB);
    resource(handlers, "Attempts", "Attempt", Collections.ATTEMPT);
    resource(handlers, "Recordings", "Recording", Collections.RECORDING);
    resource(handlers, "Agents", "Agent", Collections.AGENT);
    handlers.put(
        "getBackfill",
        call -> ApiResponse.ok(call.require(store, Collections.BACKFILL, "backfill")));
    handlers.put(
        "listConversationMessages",
        children(
            Collections.CONVERSATION,
            "conversation",
            Collections.CONVERSATION_MESSAGE,
            Fields.CONVERSATION_ID,
            true));
    handlers.put(
        "listAgentConfigVersions",
        children(
            Collections.AGENT, "agent", Collections.AGENT_CONFIG_VERSION, Fields.AGENT_ID, false));
    handlers.put(
        "getAgentConfigVersion",
        call -> {
          call.require(store, Collections.AGENT, "agent");
          String id = call.path("id");
          int version = Integer.parseInt(call.path("version"));
          return ApiResponse.ok(
              store.all(call.workspace(), Collections.AGENT_CONFIG_VERSION).stream()
                  .filter(
                      v ->
                          id.equals(v.path(Fields.AGENT_ID).asText())
                              && v.path(Fields.VERSION).asInt() == version)
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new ApiException(
                              404,
                              "not_found",
                              "resource_missing",
                              "Agent " + id + " has no config version " + version + ".",
                              "version")));
        });
    handlers.put(
        "getRecordingContent",
        call -> {
          ObjectNode recording = call.require(store, Collections.RECORDING, "recording");
          byte[] wav = recordingContent.get(call.workspace(), recording.get(Fields.ID).asText());
          if (wav == null) {
            throw ApiException.notFound("recording content", call.path("id"));
          }
          return new ApiResponse(200, "audio/wav", wav);
        });
  }

  /**
   * Lists the documents of {@code childType} whose {@code parentField} is the path id, after a 404
   * if no parent of {@code parentType} has that id; conversation messages read oldest first.
   */
  private Handler children(
      String parentType,
      String parentName,
      String childType,
      String parentField,
      boolean oldestFirst) {
    return call -> {
      call.require(store, parentType, parentName);
      String id = call.path("id");
      return ApiResponse.ok(
          store
              .list(
                  call.workspace(),
                  childType,
                  Lists.query(call, doc -> id.equals(doc.path(parentField).asText()), oldestFirst))
              .toJson());
    };
  }

  private void resource(
      Map<String, Handler> handlers, String plural, String singular, String type) {
    handlers.put(
        "list" + plural,
        call ->
            ApiResponse.ok(
                store.list(call.workspace(), type, Lists.query(call, null, false)).toJson()));
    handlers.put(
        "get" + singular,
        call -> ApiResponse.ok(call.require(store, type, type.replace('_', ' '))));
  }

  /** The key's own workspace, and the client workspace it acts in, if any. */
  private ApiResponse me(ApiCall call) {
    Workspaces.Workspace ws = workspaces.get(call.principal.keyWorkspaceId());
    ObjectNode me = Json.object();
    me.put(Fields.OBJECT, "me");
    me.put(Fields.KEY_ID, call.principal.keyId());
    me.put(Fields.WORKSPACE_ID, ws.id());
    me.put(Fields.WORKSPACE_NAME, ws.name());
    me.put(Fields.WORKSPACE_KIND, ws.kind().wire());
    me.put(Fields.ACTING_WORKSPACE_ID, call.principal.acting() ? call.workspace() : null);
    me.set(Fields.SCOPES, Json.array(new java.util.TreeSet<>(call.principal.scopes())));
    me.put(Fields.LIVEMODE, false);
    return ApiResponse.ok(me);
  }
}
