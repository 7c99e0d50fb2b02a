package com.kaicalls.mock.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.kaicalls.webhooks.WebhookSecrets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Wires the emulator: reads the spec, builds the store, handlers and request pipeline, and runs
 * them inside an embedded WireMock server (one catch-all stub answered by {@link ApiTransformer},
 * admin routes from {@link AdminRoutes}). Internal: use {@code com.kaicalls.mock.KaiCallsMockServer}.
 */
public final class Emulator implements AutoCloseable {

  /** Settings, already validated by the public options. */
  public record Config(
      String host,
      int port,
      String demoApiKey,
      String otherApiKey,
      boolean seedDemo,
      int rateLimit,
      long rateLimitWindowSeconds,
      Clock clock,
      Consumer<String> requestLog) {}

  static final String DEMO_WORKSPACE = "ws_demo";
  static final String OTHER_WORKSPACE = "ws_other";
  private static final System.Logger LOG = System.getLogger("com.kaicalls.mock");

  private final Config config;
  final ApiSpec spec;
  final Store store = new InMemoryStore();
  final Ids ids = new Ids(20261128L);
  final Workspaces workspaces = new Workspaces();
  final Map<String, byte[]> recordingContent = new ConcurrentHashMap<>();
  final Ledger ledger;
  final Authenticator auth;
  final RateLimiter rateLimiter;
  final IdempotencyCache idempotency;
  final RunHandlers runs;
  final WebhookHandlers webhooks;
  final Pipeline pipeline;
  final Set<String> missingHandlers;
  private final List<String> allScopes = new ArrayList<>();
  private final WireMockServer server;

  private Emulator(Config config) {
    this.config = config;
    Clock clock = config.clock();
    // Start Jetty while the spec is parsed and the seed built: the transformer waits for both.
    CompletableFuture<ApiTransformer.Ready> ready = new CompletableFuture<>();
    WireMockConfiguration options = WireMockConfiguration.options()
        .bindAddress(config.host())
        .port(config.port())
        .disableRequestJournal()
        .stubRequestLoggingDisabled(true)
        .gzipDisabled(true)
        .extensionScanningEnabled(false)
        .templatingEnabled(false)
        .notifier(new ConsoleNotifier(false))
        .extensions(new ApiTransformer(ready), new AdminRoutes(this));
    this.server = new WireMockServer(options);
    CompletableFuture<Void> serverStarted = CompletableFuture.runAsync(server::start);
    this.spec = ApiSpec.load();
    spec.root.at("/components/schemas/Scope/enum").forEach(s -> allScopes.add(s.asText()));
    this.ledger = new Ledger(store, ids, clock);
    this.auth = new Authenticator(store, clock);
    this.rateLimiter = new RateLimiter(config.rateLimit(), config.rateLimitWindowSeconds(), clock);
    this.idempotency = new IdempotencyCache(clock);
    Deliveries deliveries = new Deliveries(store, ids, clock);
    this.runs = new RunHandlers(store, ledger, new RunRules(store), ids, clock);
    this.webhooks = new WebhookHandlers(store, ledger, deliveries, ids, clock, WebhookSecrets::generate, spec.eventTypes());
    Map<String, Handler> handlers = new HashMap<>();
    new ReadHandlers(store, workspaces, recordingContent).register(handlers);
    new ApiKeyHandlers(store, ledger, auth, ids, clock).register(handlers);
    runs.register(handlers);
    webhooks.register(handlers);
    new EventHandlers(store, deliveries, ids, clock).register(handlers);
    this.missingHandlers = new java.util.TreeSet<>();
    for (ApiSpec.Operation op : spec.operations) {
      if (!handlers.containsKey(op.operationId())) {
        missingHandlers.add(op.operationId());
      }
    }
    if (!missingHandlers.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "Operations without an emulator handler (answer 500): " + missingHandlers);
    }
    this.pipeline = new Pipeline(new RouteTable(spec.operations), spec.validator, Map.copyOf(handlers),
        RunHandlers.lenientOperations(), auth, rateLimiter, idempotency, ids, config.requestLog());
    seed();
    ready.complete(new ApiTransformer.Ready(pipeline, spec.raw));
    serverStarted.join();
    server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(ApiTransformer.NAME)));
  }

  public static Emulator start(Config config) {
    return new Emulator(config);
  }

  public String baseUrl() {
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
  }

  public int port() {
    return server.port();
  }

  public String apiKey() {
    return config.demoApiKey();
  }

  public String otherWorkspaceApiKey() {
    return config.otherApiKey();
  }

  /** Forgets everything (objects, events, keys minted, idempotency keys, rate windows) and re-seeds. */
  public synchronized void reset() {
    store.clear();
    auth.clear();
    idempotency.clear();
    rateLimiter.clear();
    workspaces.clear();
    recordingContent.clear();
    ids.reset();
    seed();
  }

  private void seed() {
    workspaces.add(new Workspaces.Workspace(DEMO_WORKSPACE, "Bright Smile Dental (demo)"));
    workspaces.add(new Workspaces.Workspace(OTHER_WORKSPACE, "Northside Plumbing (isolation)"));
    addKey(DEMO_WORKSPACE, "key_demo_full", "Demo full-scope key", config.demoApiKey());
    addKey(OTHER_WORKSPACE, "key_other_full", "Other workspace full-scope key", config.otherApiKey());
    if (config.seedDemo()) {
      DemoSeed seed = new DemoSeed(store, ledger, ids, recordingContent, webhooks);
      seed.seedDemo(DEMO_WORKSPACE);
      seed.seedOther(OTHER_WORKSPACE);
    }
  }

  private void addKey(String workspace, String id, String name, String secret) {
    ArrayNode scopes = Json.array(allScopes);
    ObjectNode key = ApiKeyHandlers.newKey(id, name, scopes, DemoSeed.T0.minusSeconds(86400L * 30), null);
    auth.register(workspace, key, secret);
    store.put(workspace, ApiKeyHandlers.TYPE, key);
  }

  /** Creates {@code count} one-recipient runs in a workspace through the normal create path. */
  List<String> generateRuns(String workspaceId, int count) {
    ObjectNode agent = store.all(workspaceId, "agent").stream().findFirst().orElseGet(() -> generatedAgent(workspaceId));
    String agentId = agent.get("id").asText();
    List<String> created = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ObjectNode body = Json.object();
      body.put("name", "Generated run " + (i + 1));
      body.put("agent_id", agentId);
      body.put("channel", "voice");
      body.putArray("recipients").addObject().put("phone", String.format("+1415%07d", 2000000 + i));
      created.add(runs.create(workspaceId, body, List.of()).get("id").asText());
    }
    return created;
  }

  private ObjectNode generatedAgent(String workspaceId) {
    String now = Json.time(config.clock().instant());
    ObjectNode agent = Json.object();
    agent.put("id", ids.next("agent_"));
    agent.put("object", "agent");
    agent.put("name", "Generated agent");
    agent.put("description", "Created by /__admin/kaicalls/communication-runs/generate.");
    agent.put("voice", "aria");
    agent.put("language", "en-US");
    agent.put("current_config_version", 1);
    agent.put("status", "active");
    agent.put("created_at", now);
    agent.put("updated_at", now);
    ledger.save(workspaceId, "agent", agent);
    return agent;
  }

  String workspaceFor(String name) {
    return "other".equals(name) || OTHER_WORKSPACE.equals(name) ? OTHER_WORKSPACE : DEMO_WORKSPACE;
  }

  @Override
  public void close() {
    server.stop();
  }
}
