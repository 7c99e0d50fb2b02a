package com.kaicalls.mock.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@link Store} in memory: a sorted map per workspace and type, plus an id index. Documents are
 * kept as JSON bytes (about a quarter of the heap of a Jackson tree; a 100,000-event backfill must
 * fit in 256 MB) and parsed on read, so every read returns a fresh copy.
 */
public final class InMemoryStore implements Store {

  /** Sort key: newest first, id as tiebreak (ids are generated in creation order). */
  record Key(long epochSecond, String id) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byTime = Long.compare(other.epochSecond, epochSecond);
      return byTime != 0 ? byTime : other.id.compareTo(id);
    }

    String toCursor() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((epochSecond + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A key that sorts just before (newest first) every document of second {@code epochSecond - 1}:
     * seeking past it skips the documents created at or after {@code epochSecond}.
     */
    static Key before(long epochSecond) {
      return new Key(epochSecond - 1, "\uffff");
    }

    static Key fromCursor(String cursor) {
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return new Key(Long.parseLong(decoded.substring(0, colon)), decoded.substring(colon + 1));
      } catch (RuntimeException e) {
        throw new InvalidCursorException();
      }
    }
  }

  private static final class Collection {
    final ConcurrentSkipListMap<Key, byte[]> sorted = new ConcurrentSkipListMap<>();
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
    byte[] json = key == null ? null : c.sorted.get(key);
    return json == null ? null : parse(json);
  }

  @Override
  public void put(String workspaceId, String type, ObjectNode document) {
    Collection c = collection(workspaceId, type);
    String id = document.get("id").asText();
    Key key = new Key(Json.instant(document.get("created_at")).getEpochSecond(), id);
    c.sorted.put(key, Json.bytes(document));
    Key previous = c.byId.put(id, key);
    if (previous != null && !previous.equals(key)) {
      c.sorted.remove(previous); // a changed created_at (a rescheduled timer) moves the entry
    }
  }

  @Override
  public boolean remove(String workspaceId, String type, String id) {
    Collection c = collection(workspaceId, type);
    Key key = c.byId.remove(id);
    return key != null && c.sorted.remove(key) != null;
  }

  @Override
  public Page list(String workspaceId, String type, ListQuery query) {
    return list(List.of(workspaceId), type, query);
  }

  /** The next entry of one workspace's view in a merged list, and the rest of that view. */
  private record Head(Map.Entry<Key, byte[]> entry, Iterator<Map.Entry<Key, byte[]>> rest) {}

  @Override
  public Page list(List<String> workspaceIds, String type, ListQuery query) {
    boolean oldestFirst = query.oldestFirst();
    long after =
        query.createdAfter() == null ? Long.MIN_VALUE : query.createdAfter().getEpochSecond();
    long before =
        query.createdBefore() == null ? Long.MAX_VALUE : query.createdBefore().getEpochSecond();
    // Seek (O(log n)) past the cursor or to the near end of the created range, whichever is later.
    Key from =
        oldestFirst
            ? (query.createdAfter() == null ? null : Key.before(after))
            : (query.createdBefore() == null ? null : Key.before(before));
    if (query.cursor() != null) {
      Key cursor = Key.fromCursor(query.cursor());
      if (from == null || (oldestFirst ? cursor.compareTo(from) < 0 : cursor.compareTo(from) > 0)) {
        from = cursor;
      }
    }
    // One ordered stream per workspace, merged: a page reads only the entries it returns or
    // skips, whatever the number of workspaces and documents. The key is global (time, then id),
    // so one cursor continues every workspace's stream.
    Comparator<Key> order = oldestFirst ? Comparator.reverseOrder() : Comparator.naturalOrder();
    PriorityQueue<Head> heads =
        new PriorityQueue<>((a, b) -> order.compare(a.entry().getKey(), b.entry().getKey()));
    for (String workspaceId : new LinkedHashSet<>(workspaceIds)) {
      Collection c = collection(workspaceId, type);
      NavigableMap<Key, byte[]> view = oldestFirst ? c.sorted.descendingMap() : c.sorted;
      if (from != null) {
        view = view.tailMap(from, false);
      }
      Iterator<Map.Entry<Key, byte[]>> entries = view.entrySet().iterator();
      if (entries.hasNext()) {
        heads.add(new Head(entries.next(), entries));
      }
    }
    List<ObjectNode> data = new ArrayList<>();
    Key last = null;
    boolean hasMore = false;
    while (!heads.isEmpty()) {
      Head head = heads.poll();
      if (head.rest().hasNext()) {
        heads.add(new Head(head.rest().next(), head.rest()));
      }
      Map.Entry<Key, byte[]> entry = head.entry();
      long t = entry.getKey().epochSecond();
      if (oldestFirst ? t >= before : t < after) {
        break; // past the far end of the created range
      }
      if (t < after || t >= before) {
        continue;
      }
      ObjectNode document = null;
      if (query.filter() != null) {
        document = parse(entry.getValue());
        if (!query.filter().test(document)) {
          continue;
        }
      }
      if (data.size() == query.limit()) {
        hasMore = true;
        break;
      }
      data.add(document != null ? document : parse(entry.getValue()));
      last = entry.getKey();
    }
    return new Page(data, hasMore, hasMore ? last.toCursor() : null);
  }

  @Override
  public List<ObjectNode> all(String workspaceId, String type) {
    List<ObjectNode> all = new ArrayList<>();
    for (byte[] json : collection(workspaceId, type).sorted.values()) {
      all.add(parse(json));
    }
    return all;
  }

  @Override
  public long count(String workspaceId, String type, ListQuery query) {
    long after =
        query.createdAfter() == null ? Long.MIN_VALUE : query.createdAfter().getEpochSecond();
    long before =
        query.createdBefore() == null ? Long.MAX_VALUE : query.createdBefore().getEpochSecond();
    long n = 0;
    NavigableMap<Key, byte[]> view = collection(workspaceId, type).sorted;
    if (query.createdBefore() != null) {
      view = view.tailMap(Key.before(before), false);
    }
    for (Map.Entry<Key, byte[]> entry : view.entrySet()) {
      long t = entry.getKey().epochSecond();
      if (t < after) {
        break;
      }
      if (t >= after
          && t < before
          && (query.filter() == null || query.filter().test(parse(entry.getValue())))) {
        n++;
      }
    }
    return n;
  }

  @Override
  public java.util.SortedSet<String> types(String workspaceId) {
    java.util.SortedSet<String> types = new java.util.TreeSet<>();
    workspaces
        .getOrDefault(workspaceId, Map.of())
        .forEach(
            (type, c) -> {
              if (!c.sorted.isEmpty()) {
                types.add(type);
              }
            });
    return types;
  }

  @Override
  public void clear() {
    workspaces.clear();
  }

  private static ObjectNode parse(byte[] json) {
    try {
      return (ObjectNode) Json.parse(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
