package com.kaicalls.mock.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Walks a list page by page with {@code next_cursor}, as a client does. */
final class Walk {

  private Walk() {}

  /** Returns the ids of every page's documents, in order, from {@code first} to the last page. */
  static List<String> ids(Function<ListQuery, Page> list, ListQuery first) {
    List<String> ids = new ArrayList<>();
    ListQuery query = first;
    for (int pages = 0; pages < 100; pages++) {
      Page page = list.apply(query);
      page.data().forEach(d -> ids.add(d.path("id").asText()));
      if (!page.hasMore()) {
        return ids;
      }
      query =
          new ListQuery(
              first.filter(),
              first.createdAfter(),
              first.createdBefore(),
              page.nextCursor(),
              first.limit(),
              first.oldestFirst());
    }
    throw new AssertionError("the walk did not end");
  }
}
