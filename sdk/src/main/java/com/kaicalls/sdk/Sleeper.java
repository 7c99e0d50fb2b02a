package com.kaicalls.sdk;

import java.time.Duration;

/**
 * Waits between retries. The default sleeps the calling thread; tests inject one that records the
 * delays and returns at once.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits for the given time.
   *
   * @param duration how long to wait, never negative
   * @throws InterruptedException if the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns a sleeper that blocks the calling thread with {@link Thread#sleep(long)}. */
  static Sleeper threadSleeper() {
    return d -> Thread.sleep(d.toMillis());
  }
}
