package com.kaicalls.mock.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link Store} in memory: a sorted map per workspace and type, plus an id index. */
final class InMemoryStore implements Store {

  /** Sort key: newest first, id as tiebreak (ids are generated in creation order). */
  record Key(long epochSecond, String id) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byTime = Long.compare(other.epochSecond, epochSecond);
      return byTime != 0 ? byTime : other.id.compareTo(id);
    }

    String toCursor() {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString((epochSecond + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Key fromCursor(String cursor) {
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return new Key(Long.parseLong(decoded.substring(0, colon)), decoded.substring(colon + 1));
      } catch (RuntimeException e) {
        throw ApiException.invalid("parameter_invalid", "cursor is not a cursor returned by this API.", "cursor");
      }
    }
  }

  private static final class Collection {
    final ConcurrentSkipListMap<Key, ObjectNode> sorted = new ConcurrentSkipListMap<>();
    final Map<String, Key> byId = new ConcurrentHashMap<>();
  }

  private final Map<String, Map<String, Collection>> workspaces = new ConcurrentHashMap<>();

  private Collection collection(String workspaceId, String type) {
    return workspaces
        .computeIfAbsent(workspaceId, w -> new ConcurrentHashMap<>())
        .computeIfAbsent(type, t -> new Collection());
  }

  @Override
  public ObjectNode get(String workspaceId, String type, String id) {
    Collection c = collection(workspaceId, type);
    Key key = c.byId.get(id);
    return key == null ? null : c.sorted.get(key);
  }

  @Override
  public void put(String workspaceId, String type, ObjectNode document) {
    Collection c = collection(workspaceId, type);
    String id = document.get("id").asText();
    Key key = new Key(Json.instant(document.get("created_at")).getEpochSecond(), id);
    c.sorted.put(key, document);
    c.byId.put(id, key);
  }

  @Override
  public boolean remove(String workspaceId, String type, String id) {
    Collection c = collection(workspaceId, type);
    Key key = c.byId.remove(id);
    return key != null && c.sorted.remove(key) != null;
  }

  @Override
  public Page list(String workspaceId, String type, ListQuery query) {
    Collection c = collection(workspaceId, type);
    NavigableMap<Key, ObjectNode> view = query.oldestFirst() ? c.sorted.descendingMap() : c.sorted;
    if (query.cursor() != null) {
      view = view.tailMap(Key.fromCursor(query.cursor()), false);
    }
    long after = query.createdAfter() == null ? Long.MIN_VALUE : query.createdAfter().getEpochSecond();
    long before = query.createdBefore() == null ? Long.MAX_VALUE : query.createdBefore().getEpochSecond();
    List<ObjectNode> data = new ArrayList<>();
    Key last = null;
    boolean hasMore = false;
    for (Map.Entry<Key, ObjectNode> entry : view.entrySet()) {
      long t = entry.getKey().epochSecond();
      if (t < after || t >= before || (query.filter() != null && !query.filter().test(entry.getValue()))) {
        continue;
      }
      if (data.size() == query.limit()) {
        hasMore = true;
        break;
      }
      data.add(entry.getValue());
      last = entry.getKey();
    }
    return new Page(data, hasMore, hasMore ? last.toCursor() : null);
  }

  @Override
  public List<ObjectNode> all(String workspaceId, String type) {
    return new ArrayList<>(collection(workspaceId, type).sorted.values());
  }

  @Override
  public long count(String workspaceId, String type, ListQuery query) {
    long after = query.createdAfter() == null ? Long.MIN_VALUE : query.createdAfter().getEpochSecond();
    long before = query.createdBefore() == null ? Long.MAX_VALUE : query.createdBefore().getEpochSecond();
    long n = 0;
    for (Map.Entry<Key, ObjectNode> entry : collection(workspaceId, type).sorted.entrySet()) {
      long t = entry.getKey().epochSecond();
      if (t >= after && t < before && (query.filter() == null || query.filter().test(entry.getValue()))) {
        n++;
      }
    }
    return n;
  }

  @Override
  public void clear() {
    workspaces.clear();
  }

}
