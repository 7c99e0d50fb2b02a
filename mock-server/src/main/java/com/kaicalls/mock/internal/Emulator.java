package com.kaicalls.mock.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.kaicalls.mock.internal.access.Authenticator;
import com.kaicalls.mock.internal.access.IdempotencyCache;
import com.kaicalls.mock.internal.access.RateLimiter;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.admin.AdminRoutes;
import com.kaicalls.mock.internal.admin.EmulatorControls;
import com.kaicalls.mock.internal.admin.SnapshotException;
import com.kaicalls.mock.internal.admin.Snapshots;
import com.kaicalls.mock.internal.api.Handler;
import com.kaicalls.mock.internal.clock.Scheduler;
import com.kaicalls.mock.internal.clock.VirtualClock;
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.http.ApiTransformer;
import com.kaicalls.mock.internal.http.FaultRegistry;
import com.kaicalls.mock.internal.http.GuardedJettyServer;
import com.kaicalls.mock.internal.http.OriginPolicy;
import com.kaicalls.mock.internal.http.Pipeline;
import com.kaicalls.mock.internal.http.RequestLog;
import com.kaicalls.mock.internal.http.RouteTable;
import com.kaicalls.mock.internal.pages.PagesFilter;
import com.kaicalls.mock.internal.resources.ApiKeyHandlers;
import com.kaicalls.mock.internal.resources.ReadHandlers;
import com.kaicalls.mock.internal.resources.RecordingAudio;
import com.kaicalls.mock.internal.runs.CallScripts;
import com.kaicalls.mock.internal.runs.Conversations;
import com.kaicalls.mock.internal.runs.RunEngine;
import com.kaicalls.mock.internal.runs.RunHandlers;
import com.kaicalls.mock.internal.runs.RunRules;
import com.kaicalls.mock.internal.runs.TextMessages;
import com.kaicalls.mock.internal.runs.VoiceCalls;
import com.kaicalls.mock.internal.seed.DemoSeed;
import com.kaicalls.mock.internal.spec.ApiSpec;
import com.kaicalls.mock.internal.store.DataDirException;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.InMemoryStore;
import com.kaicalls.mock.internal.store.Journal;
import com.kaicalls.mock.internal.store.JournaledStore;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import com.kaicalls.mock.internal.store.Transactions;
import com.kaicalls.mock.internal.webhooks.Backfills;
import com.kaicalls.mock.internal.webhooks.Deliveries;
import com.kaicalls.mock.internal.webhooks.Dispatcher;
import com.kaicalls.mock.internal.webhooks.EventHandlers;
import com.kaicalls.mock.internal.webhooks.WebhookHandlers;
import com.kaicalls.webhooks.WebhookSecrets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Wires the emulator: reads the spec, builds the store (journaled with a data directory), the
 * virtual clock and scheduler, the handlers, run engine and webhook dispatcher, and runs them
 * inside an embedded WireMock server (one catch-all stub answered by {@link ApiTransformer}, admin
 * routes from {@link AdminRoutes}). Internal: use {@code com.kaicalls.mock.KaiCallsMockServer}.
 */
public final class Emulator implements EmulatorControls, AutoCloseable {

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
      Consumer<String> requestLog,
      boolean manualClock,
      double speed,
      Instant startTime,
      Path dataDir,
      Duration deliveryTimeout,
      boolean repairJournal,
      List<String> allowedHosts,
      int requestLogSize,
      byte[] seedSnapshot,
      String seedSnapshotName) {

    /** The settings of issue #10 (no request log bound or seed snapshot given: 1,000 entries, demo seed). */
    public Config(String host, int port, String demoApiKey, String otherApiKey, boolean seedDemo, int rateLimit,
        long rateLimitWindowSeconds, Clock clock, Consumer<String> requestLog, boolean manualClock, double speed,
        Instant startTime, Path dataDir, Duration deliveryTimeout, boolean repairJournal, List<String> allowedHosts) {
      this(host, port, demoApiKey, otherApiKey, seedDemo, rateLimit, rateLimitWindowSeconds, clock, requestLog,
          manualClock, speed, startTime, dataDir, deliveryTimeout, repairJournal, allowedHosts, 1000, null, null);
    }

    /** The settings of issue #5 (realtime clock, in memory). */
    public Config(String host, int port, String demoApiKey, String otherApiKey, boolean seedDemo, int rateLimit,
        long rateLimitWindowSeconds, Clock clock, Consumer<String> requestLog) {
      this(host, port, demoApiKey, otherApiKey, seedDemo, rateLimit, rateLimitWindowSeconds, clock, requestLog,
          false, 1.0, null, null, Duration.ofSeconds(15), false, List.of());
    }
  }

  static final String DEMO_WORKSPACE = Workspaces.DEMO_ID;
  static final String OTHER_WORKSPACE = Workspaces.OTHER_ID;
  /** The demo workspace's id. */
  public static final String DEMO_WORKSPACE_ID = DEMO_WORKSPACE;
  /** The second workspace's id. */
  public static final String OTHER_WORKSPACE_ID = OTHER_WORKSPACE;
  static final List<String> WORKSPACES = List.of(DEMO_WORKSPACE, OTHER_WORKSPACE);
  private static final System.Logger LOG = System.getLogger("com.kaicalls.mock");
  private static final String DEMO_KEY_ID = "key_demo_full";
  private static final String DEMO_KEY_NAME = "Demo full-scope key";
  private static final String OTHER_KEY_ID = "key_other_full";
  private static final String OTHER_KEY_NAME = "Other workspace full-scope key";

  private final Config config;
  final ApiSpec spec;
  final VirtualClock clock;
  final Journal journal;
  final Store store;
  final Ids ids = new Ids(20261128L);
  final Transactions tx;
  final Scheduler scheduler;
  final Workspaces workspaces = new Workspaces();
  final RecordingAudio recordingAudio;
  final Ledger ledger;
  final Authenticator auth;
  final RateLimiter rateLimiter;
  final IdempotencyCache idempotency;
  final RunEngine engine;
  final RunHandlers runs;
  final WebhookHandlers webhooks;
  final Dispatcher dispatcher;
  final FaultRegistry faults = new FaultRegistry();
  final RequestLog requestLog;
  final Pipeline pipeline;
  final Set<String> missingHandlers;
  private final List<String> allScopes = new ArrayList<>();
  private final WireMockServer server;

  /** {@code opened}: what to close, last first, if this constructor fails. */
  private Emulator(Config config, List<AutoCloseable> opened) {
    this.config = config;
    // Start Jetty while the spec is parsed and the seed built: the transformer waits for both.
    CompletableFuture<ApiTransformer.Ready> ready = new CompletableFuture<>();
    WireMockConfiguration options = WireMockConfiguration.options()
        .bindAddress(config.host())
        .port(config.port())
        .disableRequestJournal()
        .stubRequestLoggingDisabled(true)
        .gzipDisabled(true)
        // HTTP/1.1 only: a JDK HttpClient's h2c upgrade raced with large bodies and read them as HTTP/2 frames.
        .http2PlainDisabled(true)
        .extensionScanningEnabled(false)
        .templatingEnabled(false)
        .notifier(new ConsoleNotifier(false))
        .httpServerFactory(GuardedJettyServer.factory(new OriginPolicy(config.host(), config.allowedHosts())))
        .extensions(new ApiTransformer(ready), new AdminRoutes(this),
            new com.kaicalls.mock.internal.pages.PagesFilter(config.demoApiKey(), this::baseUrl));
    this.server = new WireMockServer(options);
    // Registered before Jetty listens, so even the first request reaches the transformer (which waits until ready).
    server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(ApiTransformer.NAME)));
    // Locked before Jetty listens: a second process on the same directory never opens its port.
    this.journal = config.dataDir() == null ? Journal.none() : Journal.open(config.dataDir(), config.repairJournal());
    opened.add(journal);
    CompletableFuture<Void> serverStarted = CompletableFuture.runAsync(server::start);
    opened.add(() -> {
      ready.completeExceptionally(new IllegalStateException("the emulator failed to start"));
      serverStarted.exceptionally(failed -> null).join();
      server.stop();
    });
    this.spec = ApiSpec.load();
    spec.root.at("/components/schemas/Scope/enum").forEach(s -> allScopes.add(s.asText()));
    this.clock = new VirtualClock(config.manualClock(), config.speed(), config.clock(), config.startTime());
    InMemoryStore memory = new InMemoryStore();
    this.store = journal.durable() ? new JournaledStore(memory, journal) : memory;
    this.tx = new Transactions(journal, ids, clock);
    this.scheduler = new Scheduler(store, clock, tx);
    this.recordingAudio = new RecordingAudio(store);
    this.ledger = new Ledger(store, ids, clock);
    this.auth = new Authenticator(store, clock);
    this.rateLimiter = new RateLimiter(config.rateLimit(), config.rateLimitWindowSeconds(), config.clock());
    this.idempotency = new IdempotencyCache(clock, store);
    this.requestLog = new RequestLog(config.requestLogSize(), config.clock());
    Deliveries deliveries = new Deliveries(store, ids, clock, scheduler);
    Conversations conversations = new Conversations(store, ids);
    VoiceCalls calls = new VoiceCalls(store, ledger, ids, recordingAudio, new CallScripts(workspaces));
    TextMessages texts = new TextMessages(store, ledger, ids, clock, scheduler, conversations);
    this.engine = new RunEngine(store, ledger, ids, clock, scheduler, calls, texts, conversations);
    this.runs = new RunHandlers(store, ledger, new RunRules(store), ids, clock, engine);
    this.webhooks = new WebhookHandlers(store, ledger, deliveries, ids, clock, WebhookSecrets::generate, spec.eventTypes());
    this.dispatcher = new Dispatcher(store, ledger, clock, config.clock(), scheduler, tx, deliveries,
        config.deliveryTimeout());
    opened.add(dispatcher);
    Backfills backfills = new Backfills(store, deliveries, ids, clock, scheduler);
    Map<String, Handler> handlers = new HashMap<>();
    new ReadHandlers(store, workspaces, recordingAudio).register(handlers);
    new ApiKeyHandlers(store, ledger, auth, ids, clock).register(handlers);
    runs.register(handlers);
    webhooks.register(handlers);
    new EventHandlers(store, deliveries, backfills).register(handlers);
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
        RunHandlers.lenientOperations(), auth, rateLimiter, idempotency, ids, config.requestLog(), requestLog, tx);
    Journal.Replayed replayed = journal.replay(memory, Deliveries::upgrade);
    if (replayed.commits() > 0) {
      restore(replayed);
    } else {
      tx.run(this::seed);
    }
    ready.complete(new ApiTransformer.Ready(pipeline, spec.raw, faults));
    try {
      serverStarted.join();
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
    scheduler.start();
  }

  /**
   * Starts, or fails with everything it opened closed again (port, data-directory lock, threads): a
   * {@link StartupException} for a port in use, a held data directory or an unreadable journal.
   */
  public static Emulator start(Config config) {
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      return new Emulator(config, opened);
    } catch (RuntimeException | Error e) {
      for (int i = opened.size() - 1; i >= 0; i--) {
        try {
          opened.get(i).close();
        } catch (Exception | Error suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw startupFailure(config, e);
    }
  }

  /** A failed start as one line for whoever started it; a port already taken is named. */
  private static RuntimeException startupFailure(Config config, Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StartupException startup) {
        return startup;
      }
      if (cause instanceof DataDirException dataDir) {
        return new StartupException(dataDir.getMessage(), dataDir);
      }
      if (cause instanceof java.net.BindException bind) {
        boolean inUse = String.valueOf(bind.getMessage()).contains("in use");
        return new StartupException("Port " + config.port() + " on " + config.host() + (inUse
            ? " is already in use; stop what listens there or choose another --port (0 picks a free one)."
            : " cannot be listened on (" + bind.getMessage() + "); check --host and --port."), e);
      }
    }
    return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
  }

  /** Continues from a journal: ids, time, key hashes, idempotency keys, timers and pending deliveries. */
  private void restore(Journal.Replayed replayed) {
    ids.restore(replayed.idSequence());
    if (replayed.now() != null) {
      clock.moveTo(replayed.now());
    }
    registerWorkspaces();
    auth.reload(WORKSPACES);
    tx.run(() -> {
      idempotency.reload(WORKSPACES);
      scheduler.load(WORKSPACES);
      dispatcher.recover(WORKSPACES);
    });
  }

  public String baseUrl() {
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
  }

  public int port() {
    return server.port();
  }

  @Override
  public String apiKey() {
    return config.demoApiKey();
  }

  @Override
  public String otherWorkspaceApiKey() {
    return config.otherApiKey();
  }

  /** The virtual clock everything runs on. */
  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public boolean manualClock() {
    return clock.manual();
  }

  @Override
  public double clockSpeed() {
    return clock.speed();
  }

  /** Moves the clock to {@code target}, running everything due on the way; returns the time now. */
  @Override
  public Instant advanceClockTo(Instant target) {
    return scheduler.advanceTo(target);
  }

  @Override
  public FaultRegistry faults() {
    return faults;
  }

  /**
   * Forgets everything (objects, events, deliveries, timers, keys minted, idempotency keys, rate
   * windows, faults, the request log; the journal too), resets the clock and re-seeds (from the seed
   * snapshot when one was given).
   */
  @Override
  public synchronized void reset() {
    tx.run(() -> {
      clearState();
      faults.clear();
      requestLog.clear();
      ids.reset();
      clock.reset();
      seed();
    });
  }

  /** The whole state as a snapshot document ({@link Snapshots}), taken between two transactions. */
  @Override
  public byte[] snapshot() {
    return Snapshots.bytes(tx.call(this::takeSnapshot));
  }

  private ObjectNode takeSnapshot() {
    return Snapshots.take(store, ids.sequence(), clock.instant(), WORKSPACES, workspaces);
  }

  /**
   * Replaces the state with a snapshot (the journal too), as one transaction; faults and the request
   * log stay. An invalid snapshot changes nothing.
   *
   * @throws SnapshotException naming the field at fault
   */
  @Override
  public synchronized void restoreSnapshot(byte[] snapshot) {
    Snapshots.Parsed parsed = Snapshots.read(snapshot, WORKSPACES);
    tx.run(() -> {
      Snapshots.Parsed previous = Snapshots.read(takeSnapshot(), WORKSPACES);
      try {
        clearState();
        load(parsed);
      } catch (RuntimeException e) {
        clearState();
        load(previous);
        throw new SnapshotException("parameter_invalid", "The snapshot could not be loaded (" + e
            + "); the state was left as it was.", null);
      }
    });
  }

  /**
   * Up to {@code limit} logged API requests ({@code null}: 100, or the log's size when smaller), newest
   * first, of one workspace ({@code null}: all).
   *
   * @throws IllegalArgumentException for a limit outside 1 to the log's size (saying so)
   */
  @Override
  public ObjectNode requests(Integer limit, String workspaceId) {
    int max = Math.max(1, requestLog.capacity());
    if (limit == null) {
      limit = Math.min(100, max);
    } else if (limit < 1 || limit > max) {
      throw new IllegalArgumentException("limit must be an integer from 1 to " + max + " (the request log's size).");
    }
    ObjectNode list = Json.object().put("object", "list");
    list.set("data", requestLog.newestFirst(limit, workspaceId));
    return list;
  }

  /** Empties the state, keeping controls (faults) and the request log; call inside a transaction. */
  private void clearState() {
    dispatcher.clear();
    scheduler.clear();
    store.clear();
    auth.clear();
    idempotency.clear();
    rateLimiter.clear();
    workspaces.clear();
    engine.clear();
  }

  /** Loads a snapshot into an empty state: documents, ids, time, keys, timers, pending deliveries. */
  private void load(Snapshots.Parsed snapshot) {
    ids.restore(snapshot.idSequence());
    clock.restartAt(snapshot.now());
    snapshot.documents().forEach((ws, types) ->
        types.forEach((type, documents) -> documents.forEach(document ->
            store.put(ws, type, Deliveries.upgrade(type, document)))));
    registerWorkspaces();
    // This server's own keys stay valid whatever keys the snapshot was taken with.
    keepKey(DEMO_WORKSPACE, DEMO_KEY_ID, DEMO_KEY_NAME, config.demoApiKey());
    keepKey(OTHER_WORKSPACE, OTHER_KEY_ID, OTHER_KEY_NAME, config.otherApiKey());
    auth.reload(WORKSPACES);
    idempotency.reload(WORKSPACES);
    scheduler.load(WORKSPACES);
    dispatcher.recover(WORKSPACES);
  }

  private void keepKey(String workspace, String id, String name, String secret) {
    ObjectNode key = store.get(workspace, ApiKeyHandlers.TYPE, id);
    if (key == null) {
      addKey(workspace, id, name, secret);
      return;
    }
    ObjectNode hash = store.get(workspace, Authenticator.HASH_TYPE, id);
    if (hash == null || !Authenticator.sha256(secret).equals(hash.path("sha256").asText())) {
      auth.register(workspace, key, secret);
      store.put(workspace, ApiKeyHandlers.TYPE, key);
    }
  }

  private void registerWorkspaces() {
    workspaces.add(new Workspaces.Workspace(DEMO_WORKSPACE, "Bright Smile Dental (demo)"));
    workspaces.add(new Workspaces.Workspace(OTHER_WORKSPACE, "Northside Plumbing (isolation)"));
  }

  private void seed() {
    if (config.seedSnapshot() != null) {
      try {
        load(Snapshots.read(config.seedSnapshot(), WORKSPACES));
      } catch (SnapshotException e) {
        throw new StartupException("The seed snapshot " + config.seedSnapshotName() + " cannot be loaded: "
            + e.getMessage() + (e.param() == null ? "" : " (at " + e.param() + ")"), e);
      }
      return;
    }
    registerWorkspaces();
    addKey(DEMO_WORKSPACE, DEMO_KEY_ID, DEMO_KEY_NAME, config.demoApiKey());
    addKey(OTHER_WORKSPACE, OTHER_KEY_ID, OTHER_KEY_NAME, config.otherApiKey());
    if (config.seedDemo()) {
      DemoSeed seed = new DemoSeed(store, ledger, ids, recordingAudio, webhooks);
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
  @Override
  public List<String> generateRuns(String workspaceId, int count) {
    return tx.call(() -> {
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
    });
  }

  private ObjectNode generatedAgent(String workspaceId) {
    String now = Json.time(clock.instant());
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

  @Override
  public String workspaceFor(String name) {
    return "other".equals(name) || OTHER_WORKSPACE.equals(name) ? OTHER_WORKSPACE : DEMO_WORKSPACE;
  }

  @Override
  public void close() {
    scheduler.close();
    dispatcher.close();
    server.stop();
    journal.close();
  }
}
