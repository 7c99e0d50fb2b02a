package com.kaicalls.mock;

import com.kaicalls.mock.internal.Emulator;
import com.kaicalls.mock.internal.admin.SnapshotException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@link KaiCallsMockAdmin} acting directly on an embedded emulator: the same operations, results
 * and refusals ({@link KaiCallsMockAdminException}, same codes and fields) as over HTTP.
 */
final class EmbeddedMockAdmin implements KaiCallsMockAdmin {

  private final KaiCallsMockServer server;
  private final Emulator emulator;

  EmbeddedMockAdmin(KaiCallsMockServer server, Emulator emulator) {
    this.server = server;
    this.emulator = emulator;
  }

  @Override
  public Instant now() {
    return emulator.clock().instant();
  }

  @Override
  public Instant advanceClock(Duration duration) {
    if (duration.isNegative()) {
      throw refused("seconds must not be negative", "seconds");
    }
    return server.advanceClock(duration);
  }

  @Override
  public Instant advanceClockTo(Instant target) {
    Instant now = emulator.clock().instant();
    if (target.isBefore(now)) {
      throw refused("to is in the past (now is " + now + "); the clock never goes back", "to");
    }
    return server.advanceClockTo(target);
  }

  @Override
  public void reset() {
    emulator.reset();
  }

  @Override
  public void addFault(FaultRule rule) {
    server.faults().inject(rule);
  }

  @Override
  public List<FaultRule> faults() {
    return AdminJson.faults(emulator.faults().toJson());
  }

  @Override
  public int clearFaults() {
    return emulator.faults().clear();
  }

  @Override
  public MockKeys keys() {
    return new MockKeys(
        Emulator.DEMO_WORKSPACE_ID,
        emulator.apiKey(),
        Emulator.OTHER_WORKSPACE_ID,
        emulator.otherWorkspaceApiKey(),
        Emulator.AGENCY_WORKSPACE_ID,
        emulator.agencyApiKey());
  }

  @Override
  public byte[] snapshotBytes() {
    return emulator.snapshot();
  }

  @Override
  public void restoreSnapshot(byte[] snapshot) {
    try {
      emulator.restoreSnapshot(snapshot);
    } catch (SnapshotException e) {
      throw new KaiCallsMockAdminException(400, e.code(), e.getMessage(), e.param());
    }
  }

  @Override
  public List<LoggedRequest> requests(int limit) {
    try {
      return AdminJson.requests(emulator.requests(limit, null));
    } catch (IllegalArgumentException e) {
      throw refused(e.getMessage(), "limit");
    }
  }

  private static KaiCallsMockAdminException refused(String message, String param) {
    return new KaiCallsMockAdminException(400, "parameter_invalid", message, param);
  }
}
