package com.kaicalls.mock.junit;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.KaiCallsMockAdmin;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.MockServerOptions;
import com.kaicalls.mock.RateLimit;
import com.kaicalls.mock.Seed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension running a KaiCalls emulator on a random port. As a {@code static}
 * {@code @RegisterExtension} field (or through {@link KaiCallsMockTest}) one server serves the
 * class and is reset before each test; as an instance field, each test gets its own. Test methods
 * can declare a {@link KaiCallsMockServer} parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static KaiCallsMockExtension mock = KaiCallsMockExtension.builder().seed(Seed.EMPTY).build();
 *
 * // Any option of the server, set on its own builder:
 * @RegisterExtension
 * static KaiCallsMockExtension mock = KaiCallsMockExtension.withOptions(options -> options
 *     .otherWorkspaceApiKey("kc_test_other_0123456789").requestLogSize(50));
 * }</pre>
 */
public class KaiCallsMockExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final MockServerOptions.Builder options;
  private final boolean configured;
  private KaiCallsMockServer server;
  private boolean perClass;

  /** Used by {@link KaiCallsMockTest}: options come from the annotation. */
  public KaiCallsMockExtension() {
    this(MockServerOptions.builder().port(0), false);
  }

  private KaiCallsMockExtension(MockServerOptions.Builder options, boolean configured) {
    this.options = options;
    this.configured = configured;
  }

  /** A builder for the common options; {@link Builder#options} reaches every other. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An extension whose server options are set by {@code configure} on {@link MockServerOptions}'
   * own builder, so that every option of the server is available here. The port starts at 0
   * (random); {@code configure} may set another.
   */
  public static KaiCallsMockExtension withOptions(Consumer<MockServerOptions.Builder> configure) {
    return builder().options(configure).build();
  }

  /** The running server (between start and stop). */
  public KaiCallsMockServer server() {
    if (server == null) {
      throw new IllegalStateException("the KaiCalls emulator is not running");
    }
    return server;
  }

  public String baseUrl() {
    return server().baseUrl();
  }

  public String apiKey() {
    return server().apiKey();
  }

  @Override
  public final void beforeAll(ExtensionContext context) {
    perClass = true;
    server = KaiCallsMockServer.start(options(context));
    onStarted(server);
  }

  @Override
  public final void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public final void beforeEach(ExtensionContext context) {
    if (server == null) {
      server = KaiCallsMockServer.start(options(context));
      onStarted(server);
    } else {
      server.reset();
    }
  }

  @Override
  public final void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  /**
   * Test methods may declare a {@link KaiCallsMockServer} or a {@link KaiCallsMockAdmin} (its
   * {@code admin()}).
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KaiCallsMockServer.class || type == KaiCallsMockAdmin.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KaiCallsMockAdmin.class
        ? server().admin()
        : server();
  }

  /** Hook: called once each time a server starts (e.g. to add data every test needs). */
  protected void onStarted(KaiCallsMockServer server) {}

  private MockServerOptions options(ExtensionContext context) {
    if (!configured) {
      Optional<KaiCallsMockTest> annotation =
          context
              .getTestClass()
              .flatMap(c -> AnnotationSupport.findAnnotation(c, KaiCallsMockTest.class));
      annotation.ifPresent(
          a -> {
            options.seed(a.seed()).clockMode(a.clock());
            if (!a.startTime().isEmpty()) {
              options.startTime(com.kaicalls.mock.internal.store.Rfc3339.parse(a.startTime()));
            }
            if (!a.snapshot().isEmpty()) {
              options.seedResource(a.snapshot());
            }
          });
    }
    return options.build();
  }

  private void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Builds a {@link KaiCallsMockExtension}; the port defaults to 0 (random). */
  public static final class Builder {
    private final MockServerOptions.Builder options = MockServerOptions.builder().port(0);

    private Builder() {}

    /**
     * Sets any server option on {@link MockServerOptions}' own builder (e.g. {@code host}, {@code
     * otherWorkspaceApiKey}, {@code requestLog}); applied now, in order with the other setters.
     */
    public Builder options(Consumer<MockServerOptions.Builder> configure) {
      Objects.requireNonNull(configure, "configure").accept(options);
      return this;
    }

    public Builder seed(Seed seed) {
      options.seed(seed);
      return this;
    }

    public Builder port(int port) {
      options.port(port);
      return this;
    }

    public Builder apiKey(String apiKey) {
      options.apiKey(apiKey);
      return this;
    }

    public Builder rateLimit(RateLimit rateLimit) {
      options.rateLimit(rateLimit);
      return this;
    }

    public Builder clock(Clock clock) {
      options.clock(clock);
      return this;
    }

    /** {@link ClockMode#MANUAL}: time moves only with {@link KaiCallsMockServer#advanceClock}. */
    public Builder clockMode(ClockMode clockMode) {
      options.clockMode(clockMode);
      return this;
    }

    public Builder speed(double speed) {
      options.speed(speed);
      return this;
    }

    public Builder startTime(Instant startTime) {
      options.startTime(startTime);
      return this;
    }

    public Builder dataDir(Path dataDir) {
      options.dataDir(dataDir);
      return this;
    }

    public Builder verbose(boolean verbose) {
      options.verbose(verbose);
      return this;
    }

    /**
     * Starts from this snapshot file, and resets to it; see {@link
     * MockServerOptions.Builder#seedFile(Path)}.
     */
    public Builder seedFile(Path seedFile) {
      options.seedFile(seedFile);
      return this;
    }

    /**
     * Starts from this classpath snapshot, and resets to it; see {@link
     * MockServerOptions.Builder#seedResource(String)}.
     */
    public Builder seedResource(String classpathResource) {
      options.seedResource(classpathResource);
      return this;
    }

    /**
     * How many API requests the request log keeps; see {@link
     * MockServerOptions.Builder#requestLogSize(int)}.
     */
    public Builder requestLogSize(int requestLogSize) {
      options.requestLogSize(requestLogSize);
      return this;
    }

    /**
     * Also answers this {@code Host} ({@code name} or {@code name:port}); see {@link
     * MockServerOptions.Builder#allowedHost}.
     */
    public Builder allowedHost(String host) {
      options.allowedHost(host);
      return this;
    }

    public KaiCallsMockExtension build() {
      return new KaiCallsMockExtension(options, true);
    }
  }
}
