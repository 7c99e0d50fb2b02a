package com.kaicalls.mock.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The workspaces that exist in the emulator (tenants; every object belongs to one). */
final class Workspaces {

  record Workspace(String id, String name) {}

  private final Map<String, Workspace> byId = new ConcurrentHashMap<>();

  void add(Workspace workspace) {
    byId.put(workspace.id(), workspace);
  }

  Workspace get(String id) {
    return byId.get(id);
  }

  void clear() {
    byId.clear();
  }
}
