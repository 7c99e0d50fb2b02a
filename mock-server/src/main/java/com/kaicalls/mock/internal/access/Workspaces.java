package com.kaicalls.mock.internal.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The workspaces that exist in the emulator (tenants; every object belongs to one). */
public final class Workspaces {

  /** The demo workspace's id. */
  public static final String DEMO_ID = "ws_demo";

  /** The second workspace's id (isolation tests). */
  public static final String OTHER_ID = "ws_other";

  public record Workspace(String id, String name) {}

  private final Map<String, Workspace> byId = new ConcurrentHashMap<>();

  public void add(Workspace workspace) {
    byId.put(workspace.id(), workspace);
  }

  public Workspace get(String id) {
    return byId.get(id);
  }

  public void clear() {
    byId.clear();
  }
}
