package com.kaicalls.mock.internal.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The emulator's time. Manual: stands still until {@link #moveTo}. Realtime: follows a source clock
 * at {@code speed}× from an anchor. Never goes backwards.
 */
public final class VirtualClock extends Clock {

  private final boolean manual;
  private final double speed;
  private final Clock source;
  private final Instant start;
  private volatile Instant anchorVirtual;
  private volatile Instant anchorSource;

  public VirtualClock(boolean manual, double speed, Clock source, Instant start) {
    this.manual = manual;
    this.speed = speed;
    this.source = source;
    this.start = start;
    this.anchorSource = source.instant();
    this.anchorVirtual = start == null ? anchorSource : start;
  }

  /**
   * Back to the start (reset): the configured start time, or else the source's time now (never a
   * stale instant).
   */
  public synchronized void reset() {
    anchorSource = source.instant();
    anchorVirtual = start != null ? start : anchorSource;
  }

  /**
   * Continues from {@code at}, earlier or later (a restored snapshot): the one way time goes back.
   */
  public synchronized void restartAt(Instant at) {
    anchorSource = source.instant();
    anchorVirtual = at;
  }

  public boolean manual() {
    return manual;
  }

  public double speed() {
    return speed;
  }

  @Override
  public Instant instant() {
    if (manual) {
      return anchorVirtual;
    }
    Duration elapsed = Duration.between(anchorSource, source.instant());
    if (speed != 1.0) {
      elapsed = Duration.ofNanos((long) (elapsed.toNanos() * speed));
    }
    return anchorVirtual.plus(elapsed);
  }

  /** Moves to {@code target} if it is later than now; returns the time now. */
  public synchronized Instant moveTo(Instant target) {
    Instant now = instant();
    if (target.isAfter(now)) {
      anchorSource = source.instant();
      anchorVirtual = target;
      return target;
    }
    return now;
  }

  /** Wall-clock time until the virtual clock reaches {@code at} (realtime mode). */
  Duration wallTimeUntil(Instant at) {
    Duration virtual = Duration.between(instant(), at);
    return speed == 1.0 ? virtual : Duration.ofNanos((long) (virtual.toNanos() / speed));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
