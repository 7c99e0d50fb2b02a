package com.kaicalls.mock;

import com.kaicalls.mock.internal.http.FaultRegistry;

/**
 * Faults injected into the emulator's next API requests, to prove a client's retries are safe.
 *
 * <pre>{@code
 * mock.faults().inject(FaultRule.on("POST", "/v1/communication-runs").commitThenDrop());
 * }</pre>
 */
public final class Faults {

  private final FaultRegistry registry;

  Faults(FaultRegistry registry) {
    this.registry = registry;
  }

  /** Adds a rule; rules are tried in the order added and disappear once used up. */
  public Faults inject(FaultRule rule) {
    registry.add(rule.toInternal());
    return this;
  }

  /** Removes every rule. */
  public void clear() {
    registry.clear();
  }
}
