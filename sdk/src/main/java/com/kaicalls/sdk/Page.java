package com.kaicalls.sdk;

import com.kaicalls.sdk.errors.KaiCallsException;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * One page of a list. {@link #nextPage()} fetches the following page; {@link #autoPager()} walks
 * every item of this page and the ones after it, fetching each page only when iteration reaches it.
 * {@link #nextPageAsync()} and {@link #autoPagerAsync()} do the same without blocking a thread;
 * they are truly asynchronous on pages from {@link KaiCallsClient#async()} (on a page from the
 * blocking client they fetch on the calling thread).
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
  private final Function<String, CompletableFuture<Page<T>>> fetchAfterAsync;

  /**
   * Creates a page. Used by the SDK's generated services.
   *
   * @param data the items of this page
   * @param hasMore whether the server has more items after these
   * @param nextCursor the cursor of the next page, or null
   * @param fetchAfter fetches the page that starts at a cursor
   */
  public Page(
      List<T> data, boolean hasMore, String nextCursor, Function<String, Page<T>> fetchAfter) {
    this(data, hasMore, nextCursor, fetchAfter, cursor -> fetchNow(fetchAfter, cursor));
  }

  private Page(
      List<T> data,
      boolean hasMore,
      String nextCursor,
      Function<String, Page<T>> fetchAfter,
      Function<String, CompletableFuture<Page<T>>> fetchAfterAsync) {
    this.data = data == null ? Collections.<T>emptyList() : Collections.unmodifiableList(data);
    this.hasMore = hasMore && nextCursor != null;
    this.nextCursor = nextCursor;
    this.fetchAfter = fetchAfter;
    this.fetchAfterAsync = fetchAfterAsync;
  }

  /**
   * Creates a page whose following pages are fetched asynchronously. Used by the SDK's generated
   * async services.
   *
   * @param data the items of this page
   * @param hasMore whether the server has more items after these
   * @param nextCursor the cursor of the next page, or null
   * @param fetchAfter starts fetching the page that starts at a cursor
   * @param <T> the item type
   * @return the page
   */
  public static <T> Page<T> ofAsync(
      List<T> data,
      boolean hasMore,
      String nextCursor,
      Function<String, CompletableFuture<Page<T>>> fetchAfter) {
    return new Page<>(
        data, hasMore, nextCursor, cursor -> await(fetchAfter.apply(cursor)), fetchAfter);
  }

  /** Returns the items of this page, in the server's order. */
  public List<T> data() {
    return data;
  }

  /** Returns true if another page follows this one. */
  public boolean hasMore() {
    return hasMore;
  }

  /** Returns the cursor of the next page, if there is one; store it to resume later. */
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
    requireMore();
    return fetchAfter.apply(nextCursor);
  }

  /**
   * Starts fetching the next page with the same filters and options; cancelling the future cancels
   * the request.
   *
   * @return the next page, when it arrives
   * @throws NoSuchElementException if this is the last page
   */
  public CompletableFuture<Page<T>> nextPageAsync() {
    requireMore();
    return fetchAfterAsync.apply(nextCursor);
  }

  /** Returns a lazy iterable and stream over every item from this page on. */
  public AutoPager<T> autoPager() {
    return new AutoPager<>(this);
  }

  /**
   * Returns every item from this page on, visited as each page arrives without blocking a thread.
   */
  public AutoPagerAsync<T> autoPagerAsync() {
    return new AutoPagerAsync<>(this);
  }

  private void requireMore() {
    if (!hasMore) {
      throw new NoSuchElementException("This is the last page; check hasMore() first");
    }
  }

  private static <T> CompletableFuture<Page<T>> fetchNow(
      Function<String, Page<T>> fetchAfter, String cursor) {
    try {
      return CompletableFuture.completedFuture(fetchAfter.apply(cursor));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static <T> Page<T> await(CompletableFuture<Page<T>> next) {
    try {
      return next.get();
    } catch (InterruptedException e) {
      next.cancel(true);
      Thread.currentThread().interrupt();
      throw new KaiCallsException("Interrupted while fetching the next page", e);
    } catch (ExecutionException e) {
      throw rethrowable(e.getCause());
    }
  }

  /** Unwraps a future's failure into the exception a blocking caller expects. */
  private static RuntimeException rethrowable(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof RuntimeException) return (RuntimeException) cause;
    if (cause instanceof Error) throw (Error) cause;
    return new KaiCallsException("Fetching the next page failed", cause);
  }
}
