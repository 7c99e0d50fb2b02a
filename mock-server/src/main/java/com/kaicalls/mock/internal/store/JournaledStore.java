package com.kaicalls.mock.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A {@link Store} whose changes are also recorded in a {@link Journal} (committed by {@link
 * Transactions}).
 */
public final class JournaledStore implements Store {

  private final Store memory;
  private final Journal journal;

  public JournaledStore(Store memory, Journal journal) {
    this.memory = memory;
    this.journal = journal;
  }

  @Override
  public ObjectNode get(String workspaceId, String type, String id) {
    return memory.get(workspaceId, type, id);
  }

  @Override
  public void put(String workspaceId, String type, ObjectNode document) {
    memory.put(workspaceId, type, document);
    journal.put(workspaceId, type, document);
  }

  @Override
  public boolean remove(String workspaceId, String type, String id) {
    boolean removed = memory.remove(workspaceId, type, id);
    if (removed) {
      journal.remove(workspaceId, type, id);
    }
    return removed;
  }

  @Override
  public Page list(String workspaceId, String type, ListQuery query) {
    return memory.list(workspaceId, type, query);
  }

  @Override
  public Page list(List<String> workspaceIds, String type, ListQuery query) {
    return memory.list(workspaceIds, type, query);
  }

  @Override
  public List<ObjectNode> all(String workspaceId, String type) {
    return memory.all(workspaceId, type);
  }

  @Override
  public long count(String workspaceId, String type, ListQuery query) {
    return memory.count(workspaceId, type, query);
  }

  @Override
  public java.util.SortedSet<String> types(String workspaceId) {
    return memory.types(workspaceId);
  }

  @Override
  public void clear() {
    memory.clear();
    journal.truncate();
  }
}
