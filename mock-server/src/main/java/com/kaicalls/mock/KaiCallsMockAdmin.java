package com.kaicalls.mock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Drives an emulator's controls (its {@code /__admin/kaicalls} routes) from Java: the clock, reset,
 * faults, keys, snapshots and the request log. The same interface reaches a standalone emulator
 * over HTTP ({@link #connect(String)}) or an embedded one in-process ({@link
 * KaiCallsMockServer#admin()}), so a test switches between them by changing one line:
 *
 * <pre>{@code
 * KaiCallsMockAdmin admin = KaiCallsMockAdmin.connect("http://127.0.0.1:8089"); // or mock.admin()
 * admin.advanceClock(Duration.ofMinutes(10));
 * List<LoggedRequest> recent = admin.requests(20);
 * }</pre>
 *
 * <p>A route that refuses a request throws {@link KaiCallsMockAdminException} with the message of
 * its error envelope; a standalone emulator that cannot be reached throws {@link
 * java.io.UncheckedIOException}.
 */
public interface KaiCallsMockAdmin {

  /**
   * A client of the emulator at {@code baseUrl} (e.g. {@code http://127.0.0.1:8089}), over HTTP/1.1
   * with the JDK's {@code HttpClient}. It sends no {@code Origin}; a {@code Host} other than the
   * loopback must be allowed on the emulator ({@code --allowed-host}).
   */
  static KaiCallsMockAdmin connect(String baseUrl) {
    return new RemoteMockAdmin(baseUrl);
  }

  /** The emulator's virtual time now. */
  Instant now();

  /**
   * Moves virtual time forward by {@code duration}, running everything due on the way (webhook
   * attempts included) before it returns; {@code Duration.ZERO} runs what is due now.
   *
   * @return the time now
   */
  Instant advanceClock(Duration duration);

  /**
   * Moves virtual time forward to {@code target} (never back), like {@link
   * #advanceClock(Duration)}.
   */
  Instant advanceClockTo(Instant target);

  /**
   * Returns to the seed (the demo data, or the seed snapshot): see {@link
   * KaiCallsMockServer#reset()}.
   */
  void reset();

  /** Adds a fault rule; rules are tried in the order added and disappear once used up. */
  void addFault(FaultRule rule);

  /** The active fault rules, each with the number of requests it will still fault. */
  List<FaultRule> faults();

  /** Removes every fault rule; returns how many there were. */
  int clearFaults();

  /** The demo, other and agency workspaces and their full-scope API keys. */
  MockKeys keys();

  /**
   * The whole state as a snapshot document (JSON, UTF-8; see the mock-server README's *Snapshots*).
   */
  byte[] snapshotBytes();

  /** {@link #snapshotBytes()} as a string. */
  default String snapshot() {
    return new String(snapshotBytes(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Writes {@link #snapshotBytes()} to {@code file} (replacing it), e.g. to commit as a test
   * fixture.
   */
  default void saveSnapshot(Path file) {
    try {
      java.nio.file.Files.write(file, snapshotBytes());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot write the snapshot to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Replaces the whole state with a snapshot (the journal too, with a data directory).
   *
   * @throws KaiCallsMockAdminException naming the field at fault ({@code version} for a snapshot of
   *     another version); the state is then unchanged
   */
  void restoreSnapshot(byte[] snapshot);

  /** {@link #restoreSnapshot(byte[])} from a string. */
  default void restoreSnapshot(String snapshot) {
    restoreSnapshot(snapshot.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The most recent API requests, newest first, at most {@code limit} (1 to the log's size). */
  List<LoggedRequest> requests(int limit);

  /** The 100 most recent API requests (fewer if the log is smaller), newest first. */
  default List<LoggedRequest> requests() {
    return requests(100);
  }
}
