package com.kaicalls.mock;

import com.kaicalls.mock.internal.FaultRegistry;
import java.time.Duration;
import java.util.Objects;

/**
 * What the next matching requests suffer. Build with {@link #on(String, String)}:
 *
 * <pre>{@code
 * FaultRule.on("POST", "/v1/communication-runs").times(2).status(503);
 * FaultRule.on("GET", "/v1/leads*").status(429, Duration.ofSeconds(2));
 * FaultRule.on(null, "/v1/*").delay(Duration.ofMillis(500));
 * FaultRule.on("POST", "/v1/communication-runs").connectionReset();  // nothing happens, connection reset
 * FaultRule.on("POST", "/v1/communication-runs").commitThenDrop();   // the change happens, then reset
 * }</pre>
 */
public final class FaultRule {

  private final Target target;
  private final String kind;
  private final int status;
  private final Long retryAfterSeconds;
  private final long delayMs;

  private FaultRule(Target target, String kind, int status, Long retryAfterSeconds, long delayMs) {
    this.target = target;
    this.kind = kind;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
    this.delayMs = delayMs;
  }

  /**
   * Requests to fault: {@code method} ({@code null} for any) and {@code path} (exact, or a prefix
   * ending in {@code *}); by default only the next one.
   */
  public static Target on(String method, String path) {
    return new Target(method, Objects.requireNonNull(path, "path"), 1);
  }

  FaultRegistry.Rule toInternal() {
    return new FaultRegistry.Rule(target.method, target.path, target.count, kind, status, retryAfterSeconds, delayMs);
  }

  /** Which requests, and how many; then pick the fault. */
  public static final class Target {
    private final String method;
    private final String path;
    private final int count;

    private Target(String method, String path, int count) {
      this.method = method;
      this.path = path;
      this.count = count;
    }

    /** The next {@code count} matching requests (default 1). */
    public Target times(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("count must be at least 1");
      }
      return new Target(method, path, count);
    }

    /** Answer with this status (an error envelope) without running the request. */
    public FaultRule status(int status) {
      return check(new FaultRule(this, "status", status, null, 0));
    }

    /** Answer with this status and a {@code Retry-After} header, without running the request. */
    public FaultRule status(int status, Duration retryAfter) {
      return check(new FaultRule(this, "status", status, retryAfter.toSeconds(), 0));
    }

    /** Run the request normally, but answer after {@code delay}. */
    public FaultRule delay(Duration delay) {
      return check(new FaultRule(this, "delay", 0, null, delay.toMillis()));
    }

    /** Reset the connection without running the request. */
    public FaultRule connectionReset() {
      return check(new FaultRule(this, "connection_reset", 0, null, 0));
    }

    /** Run the request (its change is committed), then reset the connection before any response. */
    public FaultRule commitThenDrop() {
      return check(new FaultRule(this, "commit_then_drop", 0, null, 0));
    }

    private static FaultRule check(FaultRule rule) {
      rule.toInternal(); // validates
      return rule;
    }
  }
}
