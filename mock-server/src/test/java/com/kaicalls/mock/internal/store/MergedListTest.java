package com.kaicalls.mock.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several workspaces listed as one: the same order and cursors as one workspace, reading only what
 * a page needs.
 */
class MergedListTest {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private final InMemoryStore store = new InMemoryStore();

  /** Minute i belongs to ws_a when i is even, to ws_b when odd; ws_c holds other ids. */
  @BeforeEach
  void sixtyEventsAlternatingBetweenTwoWorkspaces() {
    for (int i = 0; i < 60; i++) {
      store.put(i % 2 == 0 ? "ws_a" : "ws_b", "event", event(i));
    }
    for (int i = 0; i < 10; i++) {
      ObjectNode other = event(i);
      other.put("id", String.format("evt_c%02d", i));
      store.put("ws_c", "event", other);
    }
  }

  @Test
  void a_merged_walk_returns_every_document_of_both_workspaces_once_newest_first() {
    List<String> ids =
        walk(List.of("ws_a", "ws_b"), new ListQuery(null, null, null, null, 7, false));

    assertThat(ids).containsExactlyElementsOf(ids(59, 0));
  }

  @Test
  void a_merged_walk_oldest_first_keeps_the_created_range_and_the_filter() {
    List<String> ids =
        walk(
            List.of("ws_a", "ws_b"),
            new ListQuery(
                d -> d.path("type").asText().equals("call.completed"),
                minute(10),
                minute(20),
                null,
                2,
                true));

    assertThat(ids).containsExactly("evt_010", "evt_013", "evt_016", "evt_019");
  }

  @Test
  void a_merged_page_examines_at_most_one_document_more_than_it_returns() {
    AtomicInteger examined = new AtomicInteger();

    Page page =
        store.list(
            List.of("ws_a", "ws_b", "ws_c"),
            "event",
            new ListQuery(d -> examined.incrementAndGet() > 0, null, null, null, 5, false));

    assertThat(page.data()).hasSize(5);
    assertThat(examined.get()).isEqualTo(6);
  }

  @Test
  void a_workspace_named_twice_is_listed_once() {
    List<String> ids =
        walk(List.of("ws_a", "ws_a"), new ListQuery(null, null, minute(6), null, 2, false));

    assertThat(ids).containsExactly("evt_004", "evt_002", "evt_000");
  }

  @Test
  void a_single_workspace_cursor_continues_the_merged_list() {
    String cursorAt50 =
        store.list("ws_a", "event", new ListQuery(null, null, null, null, 5, false)).nextCursor();

    Page page =
        store.list(
            List.of("ws_a", "ws_b"),
            "event",
            new ListQuery(null, null, null, cursorAt50, 3, false));

    assertThat(page.data())
        .extracting(d -> d.path("id").asText())
        .containsExactly("evt_049", "evt_048", "evt_047");
  }

  private List<String> walk(List<String> workspaces, ListQuery first) {
    return Walk.ids(q -> store.list(workspaces, "event", q), first);
  }

  private static ObjectNode event(int i) {
    ObjectNode event = Json.object();
    event.put("id", String.format("evt_%03d", i));
    event.put("created_at", minute(i).toString());
    event.put("type", i % 3 == 0 ? "lead.created" : i % 3 == 1 ? "call.completed" : "sms.sent");
    return event;
  }

  private static Instant minute(int i) {
    return T0.plusSeconds(60L * i);
  }

  /** Ids from evt_{from} down to evt_{to}. */
  private static List<String> ids(int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i >= to; i--) {
      ids.add(String.format("evt_%03d", i));
    }
    return ids;
  }
}
