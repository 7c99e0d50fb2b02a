package com.kaicalls.mock;

import com.kaicalls.mock.internal.Emulator;
import java.util.Objects;

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

  private final Emulator emulator;

  private KaiCallsMockServer(Emulator emulator) {
    this.emulator = emulator;
  }

  /** Starts with {@link MockServerOptions#defaults()} (port 8089). */
  public static KaiCallsMockServer start() {
    return start(MockServerOptions.defaults());
  }

  public static KaiCallsMockServer start(MockServerOptions options) {
    Objects.requireNonNull(options, "options");
    RateLimit limit = options.rateLimit();
    return new KaiCallsMockServer(Emulator.start(new Emulator.Config(
        options.host(),
        options.port(),
        options.apiKey(),
        options.otherWorkspaceApiKey(),
        options.seed() == Seed.DEMO,
        limit == null ? 0 : limit.requests(),
        limit == null ? 1 : limit.window().getSeconds(),
        options.clock(),
        options.verbose() ? options.requestLog() : null)));
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

  /** Returns to the seeded state: drops created objects, events, minted keys and idempotency keys. */
  public void reset() {
    emulator.reset();
  }

  /** Stops the server. */
  @Override
  public void close() {
    emulator.close();
  }
}
