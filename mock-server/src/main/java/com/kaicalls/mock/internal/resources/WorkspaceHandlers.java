package com.kaicalls.mock.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.api.ApiCall;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.api.ApiResponse;
import com.kaicalls.mock.internal.api.Handler;
import com.kaicalls.mock.internal.api.Lists;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Store;
import java.time.Clock;
import java.util.Map;

/**
 * {@code /v1/workspaces}: an agency lists and creates its client workspaces; a key retrieves and
 * updates its own workspace and, for an agency, its clients. Every answer is about the workspace
 * the request acts in ({@code KaiCalls-Workspace} included).
 */
public final class WorkspaceHandlers {

  private final Store store;
  private final Workspaces workspaces;
  private final Ids ids;
  private final Clock clock;

  /** Handlers keeping workspace documents in {@code store} and their relations in {@code ws}. */
  public WorkspaceHandlers(Store store, Workspaces workspaces, Ids ids, Clock clock) {
    this.store = store;
    this.workspaces = workspaces;
    this.ids = ids;
    this.clock = clock;
  }

  /** Adds its handlers, by operation id. */
  public void register(Map<String, Handler> handlers) {
    handlers.put("listWorkspaces", this::list);
    handlers.put("createWorkspace", this::create);
    handlers.put("getWorkspace", call -> ApiResponse.ok(find(call)));
    handlers.put("updateWorkspace", this::update);
  }

  /** An agency's clients live in its partition; any other workspace's list is empty. */
  private ApiResponse list(ApiCall call) {
    String agency = call.workspace();
    return ApiResponse.ok(
        store
            .list(
                agency,
                Collections.WORKSPACE,
                Lists.query(
                    call,
                    doc -> agency.equals(doc.path(Fields.PARENT_WORKSPACE_ID).asText(null)),
                    false))
            .toJson());
  }

  private ApiResponse create(ApiCall call) {
    Workspaces.Workspace caller = workspaces.get(call.workspace());
    if (call.principal.acting() || caller == null || caller.kind() != Workspaces.Kind.AGENCY) {
      throw new ApiException(
          403,
          "permission_error",
          "agency_key_required",
          "Only a key of an agency workspace, acting in its own workspace (without "
              + Workspaces.HEADER
              + "), can create client workspaces.",
          call.principal.acting() ? Workspaces.HEADER : null);
    }
    Workspaces.Workspace client =
        new Workspaces.Workspace(
            ids.next(WorkspaceDocument.ID_PREFIX),
            call.body.get(Fields.NAME).asText(),
            Workspaces.Kind.CLIENT,
            caller.id());
    ObjectNode document =
        WorkspaceDocument.of(client, clock.instant())
            .metadata(call.body.get(Fields.METADATA))
            .build();
    store.put(caller.id(), Collections.WORKSPACE, document);
    workspaces.add(client);
    return ApiResponse.json(201, document);
  }

  private ApiResponse update(ApiCall call) {
    ObjectNode document = find(call);
    JsonNode name = call.body.get(Fields.NAME);
    if (name != null && !name.isNull()) {
      document.put(Fields.NAME, name.asText());
    }
    JsonNode metadata = call.body.get(Fields.METADATA);
    if (metadata != null && !metadata.isNull()) {
      document.set(Fields.METADATA, metadata.deepCopy());
    }
    Workspaces.Workspace updated = WorkspaceDocument.workspace(document);
    store.put(WorkspaceDocument.storedIn(updated), Collections.WORKSPACE, document);
    workspaces.add(updated);
    return ApiResponse.ok(document);
  }

  /**
   * The workspace the path names, if it is the one the request acts in or one of its clients; a
   * copy, to change and put back. Anything else is 404, whether or not it exists.
   */
  private ObjectNode find(ApiCall call) {
    String id = call.path("id");
    Workspaces.Workspace target = workspaces.get(id);
    boolean visible =
        target != null
            && (id.equals(call.workspace()) || workspaces.mayActIn(call.workspace(), id));
    ObjectNode document =
        visible ? store.get(WorkspaceDocument.storedIn(target), Collections.WORKSPACE, id) : null;
    if (document == null) {
      throw ApiException.notFound("workspace", id);
    }
    return document.deepCopy();
  }
}
