package com.kaicalls.mock.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lists seek straight to a created range and combine it with cursors; reads never share state. */
class InMemoryStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private final InMemoryStore store = new InMemoryStore();

  @BeforeEach
  void fiftyEventsOneMinuteApart() {
    for (int i = 0; i < 50; i++) {
      ObjectNode event = Json.object();
      event.put("id", String.format("evt_%03d", i));
      event.put("created_at", T0.plusSeconds(60L * i).toString());
      event.put("type", i % 2 == 0 ? "call.completed" : "sms.sent");
      store.put("ws_1", "event", event);
    }
  }

  @Test
  void rewriting_a_document_with_another_created_at_leaves_no_orphan_entry() {
    ObjectNode moved = store.get("ws_1", "event", "evt_010");
    moved.put("created_at", T0.plusSeconds(60L * 100).toString());

    store.put("ws_1", "event", moved);

    assertThat(store.all("ws_1", "event")).hasSize(50);
    assertThat(store.count("ws_1", "event", new ListQuery(null, null, null, null, 100, false)))
        .isEqualTo(50);
    assertThat(walk(new ListQuery(null, null, null, null, 7, false)))
        .containsOnlyOnce("evt_010")
        .hasSize(50);
  }

  @Test
  void a_created_before_walk_returns_only_older_events_newest_first_each_once() {
    List<String> ids = walk(new ListQuery(null, null, minute(30), null, 7, false));

    assertThat(ids).containsExactlyElementsOf(ids(29, 0));
  }

  @Test
  void a_created_range_walked_oldest_first_returns_the_range_in_order() {
    List<String> ids = walk(new ListQuery(null, minute(10), minute(40), null, 7, true));

    assertThat(ids).containsExactlyElementsOf(ids(10, 39));
  }

  @Test
  void a_cursor_newer_than_created_before_starts_at_the_range() {
    String cursorAtEvent45 =
        store.list("ws_1", "event", new ListQuery(null, null, null, null, 5, false)).nextCursor();

    Page page =
        store.list(
            "ws_1", "event", new ListQuery(null, null, minute(20), cursorAtEvent45, 3, false));

    assertThat(idsOf(page)).containsExactly("evt_019", "evt_018", "evt_017");
  }

  @Test
  void a_cursor_older_than_created_before_continues_after_the_cursor() {
    String cursorAtEvent10 =
        store
            .list("ws_1", "event", new ListQuery(null, null, minute(15), null, 5, false))
            .nextCursor();

    Page page =
        store.list(
            "ws_1", "event", new ListQuery(null, null, minute(40), cursorAtEvent10, 3, false));

    assertThat(idsOf(page)).containsExactly("evt_009", "evt_008", "evt_007");
  }

  @Test
  void a_filter_applies_inside_the_created_range() {
    List<String> ids =
        walk(
            new ListQuery(
                d -> d.path("type").asText().equals("sms.sent"),
                minute(10),
                minute(20),
                null,
                2,
                false));

    assertThat(ids).containsExactly("evt_019", "evt_017", "evt_015", "evt_013", "evt_011");
  }

  @Test
  void count_respects_the_created_range_and_filter() {
    long count =
        store.count(
            "ws_1",
            "event",
            new ListQuery(
                d -> d.path("type").asText().equals("call.completed"),
                minute(10),
                minute(20),
                null,
                1,
                false));

    assertThat(count).isEqualTo(5);
  }

  @Test
  void a_document_read_and_changed_by_a_caller_does_not_change_the_store() {
    ObjectNode read = store.get("ws_1", "event", "evt_007");
    read.put("type", "tampered");

    assertThat(store.get("ws_1", "event", "evt_007").path("type").asText()).isEqualTo("sms.sent");
    assertThat(store.list("ws_1", "event", ListQuery.all(null)).data())
        .noneMatch(d -> d.path("type").asText().equals("tampered"));
  }

  private List<String> walk(ListQuery first) {
    return Walk.ids(q -> store.list("ws_1", "event", q), first);
  }

  private static List<String> idsOf(Page page) {
    return page.data().stream().map(d -> d.path("id").asText()).collect(Collectors.toList());
  }

  private static Instant minute(int i) {
    return T0.plusSeconds(60L * i);
  }

  /** Ids from evt_{from} to evt_{to}, in that direction. */
  private static List<String> ids(int from, int to) {
    int step = from <= to ? 1 : -1;
    return IntStream.iterate(from, i -> i != to + step, i -> i + step)
        .mapToObj(i -> String.format("evt_%03d", i))
        .collect(Collectors.toList());
  }
}
