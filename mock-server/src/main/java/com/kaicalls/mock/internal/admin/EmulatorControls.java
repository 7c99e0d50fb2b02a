package com.kaicalls.mock.internal.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.http.FaultRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What the admin routes control, implemented by the emulator (so that admin never depends on the
 * wiring).
 */
public interface EmulatorControls {

  /** Forgets everything and re-seeds. */
  void reset();

  /** The virtual clock everything runs on. */
  Clock clock();

  /** Whether the clock only moves when advanced. */
  boolean manualClock();

  /** How fast the clock runs against the wall clock (1.0: real time). */
  double clockSpeed();

  /** Moves the clock to {@code target}, running everything due on the way; returns the time now. */
  Instant advanceClockTo(Instant target);

  /** The faults armed for the API. */
  FaultRegistry faults();

  /** The demo workspace's full-scope key. */
  String apiKey();

  /** The second workspace's full-scope key. */
  String otherWorkspaceApiKey();

  /** Returns the full-scope key of the demo agency workspace. */
  String agencyApiKey();

  /**
   * The workspace id for a name given to an admin route ({@code other} or its id; anything else:
   * demo).
   */
  String workspaceFor(String name);

  /**
   * Creates {@code count} one-recipient runs in a workspace through the normal create path; returns
   * their ids.
   */
  List<String> generateRuns(String workspaceId, int count);

  /**
   * Up to {@code limit} logged API requests, newest first, of one workspace ({@code null}: all).
   */
  ObjectNode requests(Integer limit, String workspaceId);

  /** The whole state as a snapshot document. */
  byte[] snapshot();

  /** Replaces the state with a snapshot; an invalid one changes nothing. */
  void restoreSnapshot(byte[] snapshot);
}
