package com.kaicalls.mock;

/** How the emulator's virtual clock moves. */
public enum ClockMode {
  /**
   * Time follows the wall clock, optionally {@link MockServerOptions.Builder#speed(double) faster}.
   */
  REALTIME,
  /**
   * Time moves only when told ({@link KaiCallsMockServer#advanceClock(java.time.Duration)} or
   * {@code POST /__admin/kaicalls/clock/advance}); nothing runs between advances.
   */
  MANUAL
}
