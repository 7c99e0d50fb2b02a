package com.kaicalls.sdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Every item of a list from a first page on, visited without blocking a thread: the next page is
 * requested when the items of the current one have been handed over, and the action runs on the
 * thread that completed the page (the client's callback executor).
 *
 * <pre>{@code
 * client.async().events().list()
 *     .thenCompose(page -> page.autoPagerAsync().forEach(event -> System.out.println(event.id())))
 *     .join();
 * }</pre>
 *
 * @param <T> the item type
 */
public final class AutoPagerAsync<T> {
  private final Page<T> first;

  AutoPagerAsync(Page<T> first) {
    this.first = first;
  }

  /**
   * Visits every item, in order, fetching each page after the previous one's items were visited.
   *
   * @param action called once per item; an exception it throws ends the walk and fails the returned
   *     future
   * @return completes after the last item, or fails with the first error; cancelling it cancels the
   *     page request in flight and visits nothing more
   */
  public CompletableFuture<Void> forEach(Consumer<? super T> action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    AtomicReference<CompletableFuture<Page<T>>> fetching = new AtomicReference<>();
    // A cancellation hook: the future whenComplete returns has nothing to report.
    CompletableFuture<Void> unused =
        done.whenComplete(
            (ignored, failure) -> {
              CompletableFuture<Page<T>> inFlight = fetching.get();
              if (done.isCancelled() && inFlight != null) inFlight.cancel(true);
            });
    visitFrom(first, action, done, fetching);
    return done;
  }

  private void visitFrom(
      Page<T> page,
      Consumer<? super T> action,
      CompletableFuture<Void> done,
      AtomicReference<CompletableFuture<Page<T>>> fetching) {
    // A loop, not recursion, for pages that are already complete, so a long list cannot overflow
    // the stack.
    Page<T> current = page;
    while (!done.isDone()) {
      try {
        for (T item : current.data()) {
          if (done.isDone()) return;
          action.accept(item);
        }
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
        return;
      }
      if (!current.hasMore()) {
        done.complete(null);
        return;
      }
      CompletableFuture<Page<T>> next = current.nextPageAsync();
      fetching.set(next);
      if (done.isCancelled()) next.cancel(true);
      if (!next.isDone() || next.isCompletedExceptionally()) {
        // The continuation reports through done; the future whenComplete returns has nothing more
        // to say.
        CompletableFuture<Page<T>> unused =
            next.whenComplete(
                (nextPage, failure) -> {
                  if (failure != null) {
                    done.completeExceptionally(
                        failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure);
                  } else {
                    visitFrom(nextPage, action, done, fetching);
                  }
                });
        return;
      }
      current = next.join();
    }
  }
}
