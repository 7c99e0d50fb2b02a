package com.kaicalls.mock.internal.access;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workspaces that exist in the emulator (tenants; every object belongs to one), and how they
 * relate: an agency workspace has client workspaces; a client belongs to exactly one agency; a
 * standalone workspace has neither.
 */
public final class Workspaces {

  /** The demo workspace's id. */
  public static final String DEMO_ID = "ws_demo";

  /** The second workspace's id (isolation tests): standalone, unrelated to the agency. */
  public static final String OTHER_ID = "ws_other";

  /** The demo agency's id: its clients are the demo workspace and {@link #SECOND_CLIENT_ID}. */
  public static final String AGENCY_ID = "ws_agency";

  /** The demo agency's second client workspace. */
  public static final String SECOND_CLIENT_ID = "ws_lakeside";

  /** The header an agency key sends to act inside one of its client workspaces. */
  public static final String HEADER = "KaiCalls-Workspace";

  /** What a workspace is, as {@code Workspace.kind} says on the wire. */
  public enum Kind {
    /** Manages client workspaces. */
    AGENCY,
    /** Belongs to one agency. */
    CLIENT,
    /** One business, on its own. */
    STANDALONE;

    /** Returns the value on the wire ({@code agency}, {@code client}, {@code standalone}). */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One workspace.
   *
   * @param id its id ({@code ws_...})
   * @param name its display name
   * @param kind agency, client or standalone
   * @param parentId the agency of a client workspace, else null
   */
  public record Workspace(String id, String name, Kind kind, String parentId) {

    /** A standalone workspace. */
    public Workspace(String id, String name) {
      this(id, name, Kind.STANDALONE, null);
    }
  }

  private final Map<String, Workspace> byId = new ConcurrentHashMap<>();

  /** Adds or replaces a workspace. */
  public void add(Workspace workspace) {
    byId.put(workspace.id(), workspace);
  }

  /** Returns the workspace with this id, or null. */
  public Workspace get(String id) {
    return byId.get(id);
  }

  /** Returns the ids of every workspace, sorted. */
  public List<String> ids() {
    return byId.keySet().stream().sorted().toList();
  }

  /** Returns the client workspaces of an agency, by id (none for any other workspace). */
  public List<Workspace> clientsOf(String agencyId) {
    return byId.values().stream()
        .filter(w -> w.kind() == Kind.CLIENT && agencyId.equals(w.parentId()))
        .sorted(Comparator.comparing(Workspace::id))
        .toList();
  }

  /**
   * Whether a key of {@code keyWorkspace} may act in {@code target} through {@code
   * KaiCalls-Workspace}: only an agency, and only in one of its own clients.
   */
  public boolean mayActIn(String keyWorkspace, String target) {
    Workspace key = byId.get(keyWorkspace);
    Workspace client = target == null ? null : byId.get(target);
    return key != null
        && key.kind() == Kind.AGENCY
        && client != null
        && client.kind() == Kind.CLIENT
        && keyWorkspace.equals(client.parentId());
  }

  /** Returns the agency of a client workspace, if it is one. */
  public Optional<String> agencyOf(String workspaceId) {
    Workspace w = byId.get(workspaceId);
    return w == null || w.kind() != Kind.CLIENT
        ? Optional.empty()
        : Optional.ofNullable(w.parentId());
  }

  /** Forgets every workspace (a reset names them again). */
  public void clear() {
    byId.clear();
  }
}
