package com.kaicalls.mock.internal.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whose events a workspace sees: its own and, for an agency, those of its client workspaces. An
 * event stays stored in the workspace it happened in; an agency reaches it through this class, and
 * its subscriptions with {@code include_client_workspaces} receive it.
 */
final class AgencyReach {

  /** The subscription field that lets an agency's subscription receive its clients' events. */
  static final String INCLUDE_CLIENTS = "include_client_workspaces";

  private final Store store;
  private final Workspaces workspaces;

  AgencyReach(Store store, Workspaces workspaces) {
    this.store = store;
    this.workspaces = workspaces;
  }

  /** Whether {@code workspaceId} is an agency workspace. */
  boolean isAgency(String workspaceId) {
    Workspaces.Workspace workspace = workspaces.get(workspaceId);
    return workspace != null && workspace.kind() == Workspaces.Kind.AGENCY;
  }

  /** The workspaces whose events {@code workspaceId} may read: itself, then its clients. */
  List<String> visible(String workspaceId) {
    List<String> ids = new ArrayList<>();
    ids.add(workspaceId);
    for (Workspaces.Workspace client : workspaces.clientsOf(workspaceId)) {
      ids.add(client.id());
    }
    return ids;
  }

  /** The workspaces whose events a subscription of {@code workspaceId} receives. */
  List<String> sources(String workspaceId, JsonNode subscription) {
    return includesClients(subscription) ? visible(workspaceId) : List.of(workspaceId);
  }

  /** The agency of a client workspace, if it is one. */
  Optional<String> agencyOf(String workspaceId) {
    return workspaces.agencyOf(workspaceId);
  }

  /**
   * Whether a subscription of {@code subscriptionWorkspace} receives events of {@code
   * eventWorkspace} (whatever their type): its own, or a client's when it includes clients.
   */
  boolean covers(String subscriptionWorkspace, JsonNode subscription, String eventWorkspace) {
    return subscriptionWorkspace.equals(eventWorkspace)
        || (includesClients(subscription)
            && agencyOf(eventWorkspace).filter(subscriptionWorkspace::equals).isPresent());
  }

  /**
   * An event and the workspace it happened in.
   *
   * @param workspaceId where it is stored
   * @param event the event
   */
  record Located(String workspaceId, ObjectNode event) {}

  /**
   * The event {@code id} as {@code workspaceId} sees it: its own or one of its clients'; or null.
   */
  Located locate(String workspaceId, String id) {
    for (String ws : visible(workspaceId)) {
      ObjectNode event = store.get(ws, "event", id);
      if (event != null) {
        return new Located(ws, event);
      }
    }
    return null;
  }

  private static boolean includesClients(JsonNode subscription) {
    return subscription.path(INCLUDE_CLIENTS).asBoolean(false);
  }
}
