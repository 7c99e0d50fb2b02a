package com.kaicalls.mock.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.store.Json;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Builds a workspace: openapi.yaml's {@code Workspace}, the one place its document is shaped; and
 * turns a stored one back into the {@link Workspaces.Workspace} the access rules read.
 */
public final class WorkspaceDocument extends DocumentBuilder<WorkspaceDocument> {

  /** The prefix of its ids. */
  public static final String ID_PREFIX = "ws_";

  private static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.OBJECT,
          Fields.NAME,
          Fields.KIND,
          Fields.PARENT_WORKSPACE_ID,
          Fields.METADATA,
          Fields.CREATED_AT);

  private WorkspaceDocument(String id, Instant createdAt) {
    super(FIELDS, Collections.WORKSPACE, id, createdAt);
    node(Fields.METADATA, Json.object());
  }

  /** A new document of {@code workspace}: its name, kind and parent, empty metadata. */
  public static WorkspaceDocument of(Workspaces.Workspace workspace, Instant createdAt) {
    return new WorkspaceDocument(workspace.id(), createdAt)
        .text(Fields.NAME, workspace.name())
        .text(Fields.KIND, workspace.kind().wire())
        .text(Fields.PARENT_WORKSPACE_ID, workspace.parentId());
  }

  /** Sets {@code metadata} (a copy of the object given). */
  public WorkspaceDocument metadata(JsonNode value) {
    return node(Fields.METADATA, value == null ? Json.object() : value.deepCopy());
  }

  /** The workspace a stored document describes. */
  public static Workspaces.Workspace workspace(ObjectNode document) {
    JsonNode parent = document.path(Fields.PARENT_WORKSPACE_ID);
    return new Workspaces.Workspace(
        document.path(Fields.ID).asText(),
        document.path(Fields.NAME).asText(),
        Workspaces.Kind.valueOf(document.path(Fields.KIND).asText().toUpperCase(Locale.ROOT)),
        parent.isTextual() ? parent.asText() : null);
  }

  /**
   * The partition holding a workspace's document: its agency's for a client (so an agency's clients
   * list and page like any collection), else its own.
   */
  public static String storedIn(Workspaces.Workspace workspace) {
    return workspace.parentId() == null ? workspace.id() : workspace.parentId();
  }
}
