package com.kaicalls.mock.internal.http;

/**
 * How an injected fault fails a request; {@link #jsonName()} is its name in the admin JSON ({@code
 * fault}).
 */
public enum FaultKind {
  /**
   * Answers with a chosen status (and {@code Retry-After}) in the error envelope; nothing is done.
   */
  STATUS("status"),
  /** Answers normally, after a delay. */
  DELAY("delay"),
  /** Resets the connection before anything is done. */
  CONNECTION_RESET("connection_reset"),
  /**
   * Does the request (committed, journal included), then resets the connection instead of
   * answering.
   */
  COMMIT_THEN_DROP("commit_then_drop");

  private final String jsonName;

  FaultKind(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in the admin JSON, e.g. {@code connection_reset}. */
  public String jsonName() {
    return jsonName;
  }

  /** The kind with this JSON name, or {@code null} when none has it. */
  static FaultKind named(String jsonName) {
    for (FaultKind kind : values()) {
      if (kind.jsonName.equals(jsonName)) {
        return kind;
      }
    }
    return null;
  }
}
