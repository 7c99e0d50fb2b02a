package com.kaicalls.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pages and the auto-pager built from plain lists, with the fetches they make counted. */
class PageTest {
  private final List<String> fetched = new ArrayList<>();

  /** Pages "c0" (first), "c1", ... of the given contents; the last has no cursor. */
  private Page<Integer> pages(List<List<Integer>> contents, int index) {
    boolean last = index == contents.size() - 1;
    return new Page<>(
        contents.get(index),
        !last,
        last ? null : "c" + (index + 1),
        cursor -> {
          fetched.add(cursor);
          return pages(contents, Integer.parseInt(cursor.substring(1)));
        });
  }

  @Test
  void a_page_that_claims_more_without_a_cursor_is_the_last() {
    Page<Integer> page = new Page<>(List.of(1), true, null, cursor -> null);

    assertThat(page.hasMore()).isFalse();
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void a_page_with_more_exposes_its_cursor() {
    Page<Integer> page = new Page<>(List.of(1), true, "c1", cursor -> null);

    assertThat(page.hasMore()).isTrue();
    assertThat(page.nextCursor()).contains("c1");
  }

  @Test
  void a_last_page_hides_a_cursor_the_server_still_sent() {
    assertThat(new Page<>(List.of(1), false, "c1", cursor -> null).nextCursor()).isEmpty();
  }

  @Test
  void a_null_data_list_is_an_empty_page() {
    assertThat(new Page<Integer>(null, false, null, cursor -> null).data()).isEmpty();
  }

  @Test
  void the_next_page_of_the_last_page_is_refused() {
    Page<Integer> page = new Page<>(List.of(1), false, null, cursor -> null);

    assertThatThrownBy(page::nextPage)
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("This is the last page; check hasMore() first");
  }

  @Test
  void the_auto_pager_skips_empty_pages_that_still_claim_more() {
    Page<Integer> first = pages(List.of(List.of(1), List.of(), List.of(), List.of(2, 3)), 0);

    assertThat(first.autoPager()).containsExactly(1, 2, 3);
    assertThat(fetched).containsExactly("c1", "c2", "c3");
  }

  @Test
  void the_auto_pager_stream_yields_every_item_in_order() {
    Page<Integer> first = pages(List.of(List.of(1, 2), List.of(3)), 0);

    assertThat(first.autoPager().stream().collect(Collectors.toList())).containsExactly(1, 2, 3);
  }

  @Test
  void an_exhausted_auto_pager_refuses_next() {
    Iterator<Integer> items = pages(List.of(List.of(1)), 0).autoPager().iterator();
    items.next();

    assertThat(items.hasNext()).isFalse();
    assertThatThrownBy(items::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void each_auto_pager_iteration_starts_again_from_the_first_page() {
    AutoPager<Integer> pager = pages(List.of(List.of(1), List.of(2)), 0).autoPager();

    assertThat(pager).containsExactly(1, 2);
    assertThat(pager).containsExactly(1, 2);
  }
}
