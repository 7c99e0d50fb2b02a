package com.kaicalls.mock;

import com.kaicalls.mock.internal.http.FaultRegistry;
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

  /** The method matched, or {@code null} for any. */
  public String method() {
    return target.method;
  }

  /** The path matched: exact, or a prefix ending in {@code *}. */
  public String path() {
    return target.path;
  }

  /** How many more matching requests this rule faults. */
  public int count() {
    return target.count;
  }

  /**
   * The fault, as the admin JSON names it: {@code status}, {@code delay}, {@code connection_reset},
   * {@code commit_then_drop}.
   */
  public String fault() {
    return kind;
  }

  /** The status answered by a {@code status} fault, else 0. */
  public int status() {
    return status;
  }

  /** The {@code Retry-After} of a {@code status} fault, or {@code null}. */
  public Duration retryAfter() {
    return retryAfterSeconds == null ? null : Duration.ofSeconds(retryAfterSeconds);
  }

  /** The delay of a {@code delay} fault, else zero. */
  public Duration delay() {
    return Duration.ofMillis(delayMs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FaultRule other
        && Objects.equals(method(), other.method())
        && path().equals(other.path())
        && count() == other.count()
        && kind.equals(other.kind)
        && status == other.status
        && Objects.equals(retryAfterSeconds, other.retryAfterSeconds)
        && delayMs == other.delayMs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(method(), path(), count(), kind, status, retryAfterSeconds, delayMs);
  }

  @Override
  public String toString() {
    return "FaultRule{"
        + (method() == null ? "*" : method())
        + " "
        + path()
        + " x"
        + count()
        + " "
        + kind
        + (kind.equals("status")
            ? " " + status + (retryAfterSeconds == null ? "" : " retry_after=" + retryAfterSeconds)
            : "")
        + (kind.equals("delay") ? " " + delayMs + "ms" : "")
        + "}";
  }

  FaultRegistry.Rule toInternal() {
    return new FaultRegistry.Rule(
        target.method, target.path, target.count, kind, status, retryAfterSeconds, delayMs);
  }

  /** Which requests, and how many; then pick the fault. */
  public static final class Target {
    private final String method;
    private final String path;
    private final int count;

    private Target(String method, String path, int count) {
      this.method = method == null ? null : method.toUpperCase(java.util.Locale.ROOT);
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
