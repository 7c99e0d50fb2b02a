package com.kaicalls.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kaicalls.sdk.errors.KaiCallsException;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * A blocking page can be walked asynchronously, and an asynchronous one by blocking, with the same
 * failures.
 */
class PageBridgingTest {
  private static final Page<String> SECOND = new Page<>(List.of("c"), false, null, cursor -> null);

  @Test
  void a_blocking_pages_next_page_async_completes_with_the_fetched_page() throws Exception {
    Page<String> first =
        new Page<>(List.of("a", "b"), true, "c1", cursor -> "c1".equals(cursor) ? SECOND : null);

    assertThat(first.nextPageAsync().get()).isSameAs(SECOND);
  }

  @Test
  void a_blocking_pages_failed_fetch_fails_the_async_future_with_its_exception() {
    IllegalStateException failure = new IllegalStateException("down");
    Page<String> first =
        new Page<>(
            List.of("a"),
            true,
            "c1",
            cursor -> {
              throw failure;
            });

    CompletableFuture<Page<String>> next = first.nextPageAsync();

    assertThatThrownBy(next::get).isInstanceOf(ExecutionException.class).hasCause(failure);
  }

  @Test
  void the_last_page_has_no_next_page_async_either() {
    assertThatThrownBy(SECOND::nextPageAsync).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void an_async_pages_next_page_waits_for_the_fetch() {
    Page<String> first =
        Page.ofAsync(List.of("a"), true, "c1", cursor -> CompletableFuture.completedFuture(SECOND));

    assertThat(first.nextPage()).isSameAs(SECOND);
  }

  @Test
  void an_async_pages_next_page_rethrows_an_unchecked_failure_as_it_is() {
    IllegalStateException failure = new IllegalStateException("down");

    assertThatThrownBy(() -> failingWith(failure).nextPage()).isSameAs(failure);
  }

  @Test
  void an_async_pages_next_page_wraps_a_checked_failure_in_a_kaicalls_exception() {
    IOException failure = new IOException("reset");

    assertThatThrownBy(() -> failingWith(failure).nextPage())
        .isInstanceOf(KaiCallsException.class)
        .hasMessageContaining("Fetching the next page failed")
        .hasCause(failure);
  }

  @Test
  void an_async_pages_next_page_rethrows_an_error_as_it_is() {
    AssertionError failure = new AssertionError("broken");

    assertThatThrownBy(() -> failingWith(failure).nextPage()).isSameAs(failure);
  }

  @Test
  void an_interrupted_wait_cancels_the_fetch_and_keeps_the_interrupt() {
    CompletableFuture<Page<String>> pending = new CompletableFuture<>();
    Page<String> first = Page.ofAsync(List.of("a"), true, "c1", cursor -> pending);
    Thread.currentThread().interrupt();

    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(first::nextPage);

    assertThat(Thread.interrupted()).isTrue();
    assertThat(thrown).isInstanceOf(KaiCallsException.class).hasMessageContaining("Interrupted");
    assertThat(pending).isCancelled();
  }

  private static Page<String> failingWith(Throwable failure) {
    return Page.ofAsync(
        List.of("a"), true, "c1", cursor -> CompletableFuture.failedFuture(failure));
  }
}
