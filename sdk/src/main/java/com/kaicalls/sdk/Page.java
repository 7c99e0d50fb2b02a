package com.kaicalls.sdk;

import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list. {@link #nextPage()} fetches the following page; {@link #autoPager()} walks every item of
 * this page and the ones after it, fetching each page only when iteration reaches it.
 *
 * <pre>{@code
 * for (Event event : client.events().list().autoPager()) { ... }
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> data;
  private final boolean hasMore;
  private final String nextCursor;
  private final Function<String, Page<T>> fetchAfter;

  /**
   * Creates a page. Used by the SDK's generated services.
   *
   * @param data the items of this page
   * @param hasMore whether the server has more items after these
   * @param nextCursor the cursor of the next page, or null
   * @param fetchAfter fetches the page that starts at a cursor
   */
  public Page(List<T> data, boolean hasMore, String nextCursor, Function<String, Page<T>> fetchAfter) {
    this.data = data == null ? Collections.<T>emptyList() : Collections.unmodifiableList(data);
    this.hasMore = hasMore && nextCursor != null;
    this.nextCursor = nextCursor;
    this.fetchAfter = fetchAfter;
  }

  /** @return the items of this page, in the server's order */
  public List<T> data() {
    return data;
  }

  /** @return true if another page follows this one */
  public boolean hasMore() {
    return hasMore;
  }

  /** @return the cursor of the next page, if there is one; store it to resume later */
  public Optional<String> nextCursor() {
    return hasMore ? Optional.of(nextCursor) : Optional.empty();
  }

  /**
   * Fetches the next page with the same filters and options.
   *
   * @return the next page
   * @throws NoSuchElementException if this is the last page
   */
  public Page<T> nextPage() {
    if (!hasMore) {
      throw new NoSuchElementException("This is the last page; check hasMore() first");
    }
    return fetchAfter.apply(nextCursor);
  }

  /** @return a lazy iterable and stream over every item from this page on */
  public AutoPager<T> autoPager() {
    return new AutoPager<>(this);
  }
}
