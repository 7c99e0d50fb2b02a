package com.kaicalls.mock;

import com.kaicalls.mock.internal.http.OriginPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to start a {@link KaiCallsMockServer}. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * MockServerOptions options = MockServerOptions.builder().port(0).seed(Seed.DEMO).build();
 * }</pre>
 */
public final class MockServerOptions {

  /** The documented full-scope key of the demo workspace. */
  public static final String DEFAULT_API_KEY = "kc_test_demo_4f7Q2xLm9RtV8nB1pK6sW3hJ";

  /** The documented full-scope key of the second ("other") workspace. */
  public static final String DEFAULT_OTHER_WORKSPACE_API_KEY =
      "kc_test_other_Z5yF1dG8kN2mQ7rV4tX9wB3c";

  /**
   * The documented full-scope key of the demo agency workspace (clients: the demo and one more).
   */
  public static final String DEFAULT_AGENCY_API_KEY = "kc_test_agency_N8wG3rA5kT2pL7vQ4xC9mH6d";

  public static final int DEFAULT_PORT = 8089;
  public static final String DEFAULT_HOST = "127.0.0.1";

  /**
   * How many API requests the request log keeps by default ({@code GET
   * /__admin/kaicalls/requests}).
   */
  public static final int DEFAULT_REQUEST_LOG_SIZE = 1000;

  /** The most the request log can be asked to keep (each entry holds up to 32 KB of bodies). */
  public static final int MAX_REQUEST_LOG_SIZE = 100_000;

  private final int port;
  private final String host;
  private final String apiKey;
  private final String otherWorkspaceApiKey;
  private final String agencyApiKey;
  private final Seed seed;
  private final boolean verbose;
  private final RateLimit rateLimit;
  private final Clock clock;
  private final Consumer<String> requestLog;
  private final ClockMode clockMode;
  private final double speed;
  private final Instant startTime;
  private final Path dataDir;
  private final boolean repairJournal;
  private final List<String> allowedHosts;
  private final int requestLogSize;
  private final Path seedFile;
  private final String seedResource;
  private final Path snapshotOnExit;

  private MockServerOptions(Builder b) {
    this.requestLogSize = b.requestLogSize;
    this.seedFile = b.seedFile;
    this.seedResource = b.seedResource;
    this.snapshotOnExit = b.snapshotOnExit;
    this.repairJournal = b.repairJournal;
    this.clockMode = b.clockMode;
    this.speed = b.speed;
    this.startTime = b.startTime;
    this.dataDir = b.dataDir;
    this.allowedHosts = List.copyOf(b.allowedHosts);
    this.port = b.port;
    this.host = b.host;
    this.apiKey = b.apiKey;
    this.otherWorkspaceApiKey = b.otherWorkspaceApiKey;
    this.agencyApiKey = b.agencyApiKey;
    this.seed = b.seed;
    this.verbose = b.verbose;
    this.rateLimit = b.rateLimit;
    this.clock = b.clock;
    this.requestLog = b.requestLog;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Defaults: port 8089, host 127.0.0.1, demo seed, no rate limit, system UTC clock. */
  public static MockServerOptions defaults() {
    return builder().build();
  }

  public int port() {
    return port;
  }

  public String host() {
    return host;
  }

  public String apiKey() {
    return apiKey;
  }

  public String otherWorkspaceApiKey() {
    return otherWorkspaceApiKey;
  }

  /** Returns the full-scope key of the demo agency workspace. */
  public String agencyApiKey() {
    return agencyApiKey;
  }

  public Seed seed() {
    return seed;
  }

  public boolean verbose() {
    return verbose;
  }

  /** The rate limit, or {@code null} when requests are not limited. */
  public RateLimit rateLimit() {
    return rateLimit;
  }

  public Clock clock() {
    return clock;
  }

  public ClockMode clockMode() {
    return clockMode;
  }

  /** How much faster than the {@link #clock()} virtual time runs in {@link ClockMode#REALTIME}. */
  public double speed() {
    return speed;
  }

  /** Where virtual time starts, or {@code null} for the {@link #clock()}'s time at start. */
  public Instant startTime() {
    return startTime;
  }

  /** Where state is kept across restarts, or {@code null} for memory only. */
  public Path dataDir() {
    return dataDir;
  }

  /** Whether an unreadable journal tail is moved aside at start instead of refusing to start. */
  public boolean repairJournal() {
    return repairJournal;
  }

  /**
   * Host names answered besides the loopback and the bind address, each {@code name} (any port) or
   * {@code name:port}; any other {@code Host} gets 403 (DNS rebinding protection).
   */
  public List<String> allowedHosts() {
    return allowedHosts;
  }

  /** How many recent API requests the request log keeps; 0 when it is off. */
  public int requestLogSize() {
    return requestLogSize;
  }

  /** The snapshot file the state starts from (and returns to on reset), or {@code null}. */
  public Path seedFile() {
    return seedFile;
  }

  /** The classpath resource holding the snapshot the state starts from, or {@code null}. */
  public String seedResource() {
    return seedResource;
  }

  /** Where a snapshot is written when the server is closed, or {@code null} for nowhere. */
  public Path snapshotOnExit() {
    return snapshotOnExit;
  }

  /** Where {@code verbose} request lines go (stdout unless set). */
  public Consumer<String> requestLog() {
    return requestLog;
  }

  /** Builds {@link MockServerOptions}. */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private String host = DEFAULT_HOST;
    private String apiKey = DEFAULT_API_KEY;
    private String otherWorkspaceApiKey = DEFAULT_OTHER_WORKSPACE_API_KEY;
    private String agencyApiKey = DEFAULT_AGENCY_API_KEY;
    private Seed seed = Seed.DEMO;
    private boolean verbose;
    private RateLimit rateLimit;
    private Clock clock = Clock.systemUTC();
    private Consumer<String> requestLog = System.out::println;
    private ClockMode clockMode = ClockMode.REALTIME;
    private double speed = 1.0;
    private Instant startTime;
    private Path dataDir;
    private boolean repairJournal;
    private final List<String> allowedHosts = new ArrayList<>();
    private int requestLogSize = DEFAULT_REQUEST_LOG_SIZE;
    private Path seedFile;
    private String seedResource;
    private Path snapshotOnExit;

    private Builder() {}

    /**
     * How many of the most recent API requests the request log keeps (default {@value
     * #DEFAULT_REQUEST_LOG_SIZE}, at most {@value #MAX_REQUEST_LOG_SIZE}); 0 turns it off.
     */
    public Builder requestLogSize(int requestLogSize) {
      if (requestLogSize < 0 || requestLogSize > MAX_REQUEST_LOG_SIZE) {
        throw new IllegalArgumentException(
            "requestLogSize must be 0.." + MAX_REQUEST_LOG_SIZE + ", was " + requestLogSize);
      }
      this.requestLogSize = requestLogSize;
      return this;
    }

    /**
     * Starts from this snapshot file (taken with {@code GET /__admin/kaicalls/snapshot} or {@link
     * KaiCallsMockAdmin#saveSnapshot}) instead of the {@link #seed(Seed)}, and {@link
     * KaiCallsMockServer#reset() resets} to it; {@code null} for none. Replaces a {@link
     * #seedResource(String)}. Read when the server starts.
     */
    public Builder seedFile(Path seedFile) {
      this.seedFile = seedFile;
      this.seedResource = null;
      return this;
    }

    /**
     * Like {@link #seedFile(Path)}, from a classpath resource (e.g. {@code
     * "fixtures/two-runs.json"}, looked up with the thread's context class loader): fixtures
     * committed with a team's tests.
     */
    public Builder seedResource(String classpathResource) {
      this.seedResource = classpathResource;
      this.seedFile = null;
      return this;
    }

    /**
     * Writes a snapshot to this file when the server is closed (SIGTERM, for the command line);
     * {@code null} for none.
     */
    public Builder snapshotOnExit(Path file) {
      this.snapshotOnExit = file;
      return this;
    }

    /**
     * Also answers requests whose {@code Host} is this name ({@code name} for any port, or {@code
     * name:port}), for containers and tunnels; repeatable. By default only the loopback ({@code
     * 127.0.0.0/8}, {@code localhost}, {@code [::1]}) and the bind address are answered.
     */
    public Builder allowedHost(String host) {
      allowedHosts.add(OriginPolicy.checkAllowedHost(host));
      return this;
    }

    /**
     * {@link ClockMode#REALTIME} (default) or {@link ClockMode#MANUAL} (time moves only when told).
     */
    public Builder clockMode(ClockMode clockMode) {
      this.clockMode = Objects.requireNonNull(clockMode, "clockMode");
      return this;
    }

    /** Realtime only: virtual time runs {@code speed}× faster than the clock (default 1). */
    public Builder speed(double speed) {
      if (!(speed > 0) || speed > 1_000_000) {
        throw new IllegalArgumentException("speed must be > 0 and at most 1000000, was " + speed);
      }
      this.speed = speed;
      return this;
    }

    /** Where virtual time starts (default: the clock's time at start). */
    public Builder startTime(Instant startTime) {
      this.startTime = startTime;
      return this;
    }

    /**
     * Keeps all state (objects, events, deliveries, idempotency keys, pending work) in an
     * append-only journal in this directory, replayed at the next start; {@code null} (default)
     * keeps it in memory only.
     */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /**
     * With a {@link #dataDir(Path)} whose journal has a line that cannot be read (other than a torn
     * last write, which is always dropped): {@code true} moves that line and everything after it to
     * a side file next to the journal ({@code journal.jsonl.unreadable-N}) and starts from the
     * state before it; {@code false} (default) refuses to start, naming the file, line and byte
     * offset.
     */
    public Builder repairJournal(boolean repairJournal) {
      this.repairJournal = repairJournal;
      return this;
    }

    /** Port to listen on; 0 picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The demo workspace's full-scope key; must start with {@code kc_test_}. */
    public Builder apiKey(String apiKey) {
      this.apiKey = checkKey(apiKey);
      return this;
    }

    public Builder otherWorkspaceApiKey(String apiKey) {
      this.otherWorkspaceApiKey = checkKey(apiKey);
      return this;
    }

    /**
     * The demo agency workspace's full-scope key; must start with {@code kc_test_}.
     *
     * @return this builder
     */
    public Builder agencyApiKey(String apiKey) {
      this.agencyApiKey = checkKey(apiKey);
      return this;
    }

    public Builder seed(Seed seed) {
      this.seed = Objects.requireNonNull(seed, "seed");
      return this;
    }

    /** Logs one line per request: method, path, status, key id (never the secret). */
    public Builder verbose(boolean verbose) {
      this.verbose = verbose;
      return this;
    }

    /** Limits requests per API key; {@code null} (the default) for no limit. */
    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    /**
     * The source of time: in realtime mode virtual time follows it (at {@link #speed(double)}); it
     * is what timestamps, key expiry, idempotency retention and rate windows are based on.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder requestLog(Consumer<String> requestLog) {
      this.requestLog = Objects.requireNonNull(requestLog, "requestLog");
      return this;
    }

    public MockServerOptions build() {
      if (apiKey.equals(otherWorkspaceApiKey)
          || apiKey.equals(agencyApiKey)
          || otherWorkspaceApiKey.equals(agencyApiKey)) {
        throw new IllegalArgumentException("the three workspaces need different API keys");
      }
      return new MockServerOptions(this);
    }

    private static String checkKey(String key) {
      Objects.requireNonNull(key, "apiKey");
      if (!key.startsWith("kc_test_") || key.length() < 16 || !key.matches("[A-Za-z0-9_]+")) {
        throw new IllegalArgumentException(
            "API keys look like kc_test_ followed by at least 8 letters/digits");
      }
      return key;
    }
  }
}
