package com.kaicalls.sdk;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler the test drives: it records each task and its delay and runs a task only when the
 * test says so, as if the delay had passed. Nothing waits for real time.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final BlockingQueue<Task> queued = new LinkedBlockingQueue<>();
  private final List<Task> scheduled = Collections.synchronizedList(new ArrayList<>());

  /**
   * Waits (at most five seconds, for the SDK's callback thread to schedule it) for the next task
   * and runs it now.
   *
   * @return the delay it was scheduled with
   */
  Duration runNext() throws InterruptedException {
    Task task = queued.poll(5, TimeUnit.SECONDS);
    if (task == null) fail("nothing was scheduled within 5 s");
    task.run();
    return task.delay;
  }

  /**
   * Waits, at most five seconds, until this many tasks have been scheduled.
   *
   * @param count how many
   */
  void awaitScheduled(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (scheduled.size() < count) {
      if (System.nanoTime() > deadline) fail(count + " tasks were not scheduled within 5 s");
      Thread.sleep(5);
    }
  }

  /** Returns the delays of every task scheduled so far, in order. */
  List<Duration> delays() {
    synchronized (scheduled) {
      List<Duration> delays = new ArrayList<>();
      for (Task t : scheduled) delays.add(t.delay);
      return delays;
    }
  }

  /** Returns the tasks scheduled so far, run or not. */
  List<ScheduledFuture<?>> scheduled() {
    synchronized (scheduled) {
      return new ArrayList<>(scheduled);
    }
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Task task = new Task(command, Duration.ofNanos(unit.toNanos(delay)));
    scheduled.add(task);
    queued.add(task);
    return task;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void execute(Runnable command) {
    throw new UnsupportedOperationException("the SDK only schedules");
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private static final class Task extends FutureTask<Void> implements ScheduledFuture<Void> {
    final Duration delay;

    Task(Runnable command, Duration delay) {
      super(command, null);
      this.delay = delay;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }
  }
}
