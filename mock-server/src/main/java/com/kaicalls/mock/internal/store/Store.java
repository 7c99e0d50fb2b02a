package com.kaicalls.mock.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Documents by workspace and type. Stored documents are never mutated: writers put a new copy.
 * Lists are ordered newest first ({@code created_at} desc, {@code id} desc) unless asked otherwise.
 */
public interface Store {

  /** The document, or {@code null} when it does not exist in that workspace. */
  ObjectNode get(String workspaceId, String type, String id);

  /** Inserts or replaces the document with this {@code id}. */
  void put(String workspaceId, String type, ObjectNode document);

  /** Removes the document; returns whether it existed. */
  boolean remove(String workspaceId, String type, String id);

  Page list(String workspaceId, String type, ListQuery query);

  /**
   * One page of the documents of several workspaces as one list, in the same order and with the
   * same cursors as a single workspace's (an agency listing its clients' events).
   */
  Page list(List<String> workspaceIds, String type, ListQuery query);

  /** Every document of a type, newest first (for internal scans). */
  List<ObjectNode> all(String workspaceId, String type);

  /** How many documents match the query's filter and created range (ignores cursor and limit). */
  long count(String workspaceId, String type, ListQuery query);

  /**
   * The types of which the workspace holds at least one document, sorted by name (for snapshots).
   */
  java.util.SortedSet<String> types(String workspaceId);

  void clear();
}
