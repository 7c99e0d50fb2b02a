package com.kaicalls.mock;

import com.kaicalls.mock.internal.Emulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running KaiCalls emulator: a stateful, local stand-in for {@code https://api.kaicalls.com}.
 *
 * <pre>{@code
 * try (KaiCallsMockServer mock = KaiCallsMockServer.start(MockServerOptions.builder().port(0).build())) {
 *   String baseUrl = mock.baseUrl();   // e.g. http://127.0.0.1:53121
 *   String key = mock.apiKey();        // full-scope key of the demo workspace
 * }
 * }</pre>
 */
public final class KaiCallsMockServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("com.kaicalls.mock");

  private final Emulator emulator;
  private final Path snapshotOnExit;
  private final KaiCallsMockAdmin admin;
  private final AtomicBoolean closed = new AtomicBoolean();

  private KaiCallsMockServer(Emulator emulator, Path snapshotOnExit) {
    this.emulator = emulator;
    this.snapshotOnExit = snapshotOnExit;
    this.admin = new EmbeddedMockAdmin(this, emulator);
  }

  /** Starts with {@link MockServerOptions#defaults()} (port 8089). */
  public static KaiCallsMockServer start() {
    return start(MockServerOptions.defaults());
  }

  /**
   * Starts with {@code options}.
   *
   * @throws IllegalStateException when it cannot start, with a one-line message: the port is in
   *     use, the data directory is held by another emulator, its journal has an unreadable line
   *     (see {@link MockServerOptions.Builder#repairJournal(boolean)}), or the seed snapshot cannot
   *     be read or restored; nothing is left running
   */
  public static KaiCallsMockServer start(MockServerOptions options) {
    Objects.requireNonNull(options, "options");
    return new KaiCallsMockServer(Emulator.start(options), options.snapshotOnExit());
  }

  /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:8089}. */
  public String baseUrl() {
    return emulator.baseUrl();
  }

  public int port() {
    return emulator.port();
  }

  /** The full-scope key of the demo workspace. */
  public String apiKey() {
    return emulator.apiKey();
  }

  /** The full-scope key of the second workspace, for isolation tests. */
  public String otherWorkspaceApiKey() {
    return emulator.otherWorkspaceApiKey();
  }

  /**
   * Returns the full-scope key of the demo agency workspace, whose clients are the demo workspace
   * and a second one; it acts in a client with the {@code KaiCalls-Workspace} header.
   */
  public String agencyApiKey() {
    return emulator.agencyApiKey();
  }

  /**
   * The emulator's virtual clock: what {@code created_at} stamps, schedules, quiet hours, retries
   * and expiries are based on.
   */
  public Clock clock() {
    return emulator.clock();
  }

  /**
   * Moves virtual time forward by {@code duration}, running everything that comes due on the way in
   * order (run attempts, webhook deliveries and their retries, backfill pages); returns once all of
   * it, webhook HTTP requests included, has completed. {@code Duration.ZERO} runs what is due now.
   *
   * @return the time now
   */
  public Instant advanceClock(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the clock never goes back");
    }
    return emulator.advanceClockTo(emulator.clock().instant().plus(duration));
  }

  /** Like {@link #advanceClock(Duration)}, to an instant (which must not be in the past). */
  public Instant advanceClockTo(Instant target) {
    if (target.isBefore(emulator.clock().instant())) {
      throw new IllegalArgumentException(
          "the clock never goes back; now is " + emulator.clock().instant());
    }
    return emulator.advanceClockTo(target);
  }

  /**
   * The emulator's controls, acting in-process: the same interface as {@link
   * KaiCallsMockAdmin#connect(String)} gives for a standalone emulator.
   */
  public KaiCallsMockAdmin admin() {
    return admin;
  }

  /** Injects faults into the next API requests (for testing client retries). */
  public Faults faults() {
    return new Faults(emulator.faults());
  }

  /**
   * Returns to the seeded state: drops created objects, events, deliveries, pending work, minted
   * keys, idempotency keys and faults, and resets the clock.
   */
  public void reset() {
    emulator.reset();
  }

  /**
   * Stops the server; first writes a snapshot if {@link
   * MockServerOptions.Builder#snapshotOnExit(Path)} asked for one (to a temporary file then moved
   * into place, so a failure never leaves half a file). Closing again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (snapshotOnExit != null) {
        writeSnapshot(snapshotOnExit);
      }
    } finally {
      emulator.close();
    }
  }

  private void writeSnapshot(Path file) {
    Path target = file.toAbsolutePath();
    try {
      Path temporary =
          Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
      try {
        Files.write(temporary, emulator.snapshot());
        Files.move(
            temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "Could not write the snapshot on exit to " + target + ": " + e,
          e);
    }
  }
}
