package com.kaicalls.sdk.internal;

import com.kaicalls.sdk.Page;
import com.kaicalls.sdk.RawResponse;
import com.kaicalls.sdk.RequestOptions;
import com.kaicalls.sdk.errors.ApiException;
import com.kaicalls.sdk.errors.KaiCallsException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * Sends {@link ApiRequest}s without blocking a thread: each attempt is an OkHttp {@code enqueue},
 * the wait before a retry is scheduled, never slept. Plans, errors, retry decisions and parsing are
 * the blocking {@link Transport}'s, so both paths behave alike. Internal.
 */
public final class AsyncTransport {
  private final Transport transport;
  private final ScheduledExecutorService scheduler;
  private final Executor callbackExecutor;

  /**
   * Creates an asynchronous transport over a blocking one.
   *
   * @param transport supplies the HTTP client, request building, error mapping and the retry policy
   * @param scheduler runs each retry after its delay
   * @param callbackExecutor completes the returned futures, so callers' callbacks never run on
   *     OkHttp's threads
   */
  public AsyncTransport(
      Transport transport, ScheduledExecutorService scheduler, Executor callbackExecutor) {
    this.transport = transport;
    this.scheduler = scheduler;
    this.callbackExecutor = callbackExecutor;
  }

  /**
   * Calls an operation whose response is a JSON object.
   *
   * @param request what to call
   * @param options per-call options
   * @param type the response model
   * @param <T> the response model
   * @return the parsed response with its status and headers; cancelling it cancels the call
   */
  public <T> CompletableFuture<RawResponse<T>> execute(
      ApiRequest request, RequestOptions options, Class<T> type) {
    return send(request, options, response -> transport.parseJson(response, type), true);
  }

  /**
   * Calls a list operation and wraps the result as a {@link Page} whose following pages are fetched
   * asynchronously.
   *
   * @param request what to call
   * @param options per-call options
   * @param listType the list model
   * @param data the list's items
   * @param hasMore whether more items follow
   * @param nextCursor the cursor of the next page
   * @param fetchAfter fetches the page starting at a cursor
   * @param <L> the list model
   * @param <T> the item type
   * @return the page with its status and headers; cancelling it cancels the call
   */
  public <L, T> CompletableFuture<RawResponse<Page<T>>> page(
      ApiRequest request,
      RequestOptions options,
      Class<L> listType,
      Function<L, List<T>> data,
      Function<L, Boolean> hasMore,
      Function<L, Optional<String>> nextCursor,
      Function<String, CompletableFuture<Page<T>>> fetchAfter) {
    return send(
        request,
        options,
        response -> {
          L list = transport.parseJson(response, listType);
          return Page.ofAsync(
              data.apply(list),
              hasMore.apply(list),
              nextCursor.apply(list).orElse(null),
              fetchAfter);
        },
        true);
  }

  /**
   * Calls an operation whose response is binary, reading it whole.
   *
   * @param request what to call
   * @param options per-call options
   * @return the bytes with status and headers
   */
  public CompletableFuture<RawResponse<byte[]>> executeBytes(
      ApiRequest request, RequestOptions options) {
    return send(request, options, response -> response.body().bytes(), true);
  }

  /**
   * Calls an operation whose response is binary; completes once the headers arrive, with an open
   * stream the caller must close (reading it blocks, as any stream does).
   *
   * @param request what to call
   * @param options per-call options
   * @return the open stream with status and headers
   */
  public CompletableFuture<RawResponse<InputStream>> executeStream(
      ApiRequest request, RequestOptions options) {
    return send(request, options, Transport::openStream, false);
  }

  /**
   * Maps a future's value, and cancels the source when the mapped future is cancelled (a plain
   * {@code thenApply} would leave the HTTP call running).
   *
   * @param source the future to map
   * @param mapping applied to its value
   * @param <A> the source's value
   * @param <B> the mapped value
   * @return the mapped future
   */
  public static <A, B> CompletableFuture<B> map(
      CompletableFuture<A> source, Function<A, B> mapping) {
    CompletableFuture<B> mapped = source.thenApply(mapping);
    // A cancellation hook: the future whenComplete returns has nothing to report.
    CompletableFuture<B> unused =
        mapped.whenComplete(
            (value, failure) -> {
              if (mapped.isCancelled()) source.cancel(true);
            });
    return mapped;
  }

  private <T> CompletableFuture<RawResponse<T>> send(
      ApiRequest request,
      RequestOptions options,
      Transport.BodyReader<T> reader,
      boolean closeAfterRead) {
    CallPlan plan;
    try {
      plan = transport.plan(request, options);
    } catch (KaiCallsException e) {
      return CompletableFuture.failedFuture(e);
    }
    LogicalCall<T> call = new LogicalCall<>(plan, reader, closeAfterRead);
    call.attempt();
    return call.result;
  }

  /**
   * One call and its retries; cancelling its future reaches the attempt in flight or the pending
   * retry.
   */
  private final class LogicalCall<T> implements Callback {
    final CompletableFuture<RawResponse<T>> result = new CompletableFuture<>();
    private final CallPlan plan;
    private final Transport.BodyReader<T> reader;
    private final boolean closeAfterRead;
    // Attempts run one after another, each handed over through OkHttp or the scheduler, which order
    // the writes.
    private final List<KaiCallsException> earlier = new ArrayList<>();
    private int attempt;
    private long started;
    private volatile Call inFlight;
    private volatile Future<?> pendingRetry;

    LogicalCall(CallPlan plan, Transport.BodyReader<T> reader, boolean closeAfterRead) {
      this.plan = plan;
      this.reader = reader;
      this.closeAfterRead = closeAfterRead;
      // A cancellation hook: the future whenComplete returns has nothing to report.
      CompletableFuture<RawResponse<T>> unused =
          result.whenComplete(
              (value, failure) -> {
                if (result.isCancelled()) stop();
              });
    }

    void attempt() {
      if (result.isDone()) return;
      Call call;
      try {
        call = transport.newCall(plan, attempt);
      } catch (RuntimeException e) {
        fail(new KaiCallsException("Could not start " + plan.request.operationId(), e));
        return;
      }
      inFlight = call;
      if (result.isDone())
        return; // cancelled while the call was being built: stop() may have missed it
      started = System.nanoTime();
      call.enqueue(this);
    }

    @Override
    public void onFailure(Call call, IOException e) {
      if (result.isDone()) return; // cancelled by us
      KaiCallsException failure = transport.attemptFailed(plan, e);
      if (attempt < plan.budget && transport.retryPolicy().isRetryable(e, plan.repeatable)) {
        retryLater(failure);
      } else {
        fail(failure);
      }
    }

    @Override
    public void onResponse(Call call, Response response) {
      if (result.isDone()) { // cancelled while the response arrived
        response.close();
        return;
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      // Nothing may escape to OkHttp, which would only log it and leave the future pending forever.
      try {
        if (response.isSuccessful()) {
          succeed(transport.readSuccess(plan.request, response, reader, closeAfterRead, millis));
          return;
        }
        ApiException failure = transport.errorOf(plan, response, millis);
        if (attempt < plan.budget
            && transport.retryPolicy().isRetryable(failure, plan.repeatable)) {
          retryLater(failure);
        } else {
          fail(failure);
        }
      } catch (KaiCallsException e) {
        fail(e);
      } catch (RuntimeException e) {
        response.close();
        fail(
            new KaiCallsException(
                "Could not read the " + plan.request.operationId() + " response", e));
      }
    }

    private void retryLater(KaiCallsException failure) {
      earlier.add(failure);
      attempt++;
      long delayMillis = transport.retryDelay(attempt, failure).toMillis();
      try {
        pendingRetry = scheduler.schedule(this::attempt, delayMillis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        earlier.remove(earlier.size() - 1);
        failure.addSuppressed(e);
        fail(failure);
        return;
      }
      if (result.isDone()) pendingRetry.cancel(false); // cancelled while scheduling
    }

    private void succeed(RawResponse<T> response) {
      deliver(
          () -> {
            // A stream nobody will read must still give its connection back.
            if (!result.complete(response) && response.body() instanceof Closeable) {
              closeQuietly((Closeable) response.body());
            }
          });
    }

    private void fail(KaiCallsException failure) {
      Transport.withEarlier(failure, earlier);
      deliver(() -> result.completeExceptionally(failure));
    }

    private void deliver(Runnable completion) {
      try {
        callbackExecutor.execute(completion);
      } catch (RejectedExecutionException shutDown) {
        completion.run(); // better the caller's callbacks on our thread than a future that never
        // completes
      }
    }

    private void stop() {
      Future<?> retry = pendingRetry;
      if (retry != null) retry.cancel(false);
      Call call = inFlight;
      if (call != null) call.cancel();
    }
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // Nothing to report to: the caller already cancelled.
    }
  }
}
