package com.kaicalls.sdk;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a list, from a first page on. Pages are fetched lazily: the next request is made
 * only when iteration passes the last item already fetched, so breaking out early costs nothing
 * more. Each call to {@link #iterator()} or {@link #stream()} starts again from the first page it
 * was given.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
  private final Page<T> first;

  AutoPager(Page<T> first) {
    this.first = first;
  }

  @Override
  public Iterator<T> iterator() {
    return new PageWalker<>(first);
  }

  /** Returns a sequential stream over every item, fetching pages as the stream is consumed. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private static final class PageWalker<T> implements Iterator<T> {
    private Page<T> page;
    private Iterator<T> items;

    PageWalker(Page<T> first) {
      this.page = first;
      this.items = first.data().iterator();
    }

    @Override
    public boolean hasNext() {
      // Skips empty pages that still claim more, so a sparse page never ends the walk early.
      while (!items.hasNext() && page.hasMore()) {
        page = page.nextPage();
        items = page.data().iterator();
      }
      return items.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return items.next();
    }
  }
}
