package com.kaicalls.mock.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.MockServerOptions;
import com.kaicalls.mock.RateLimit;
import com.kaicalls.mock.Seed;
import com.kaicalls.mock.internal.access.ActingWorkspace;
import com.kaicalls.mock.internal.access.Authenticator;
import com.kaicalls.mock.internal.access.IdempotencyCache;
import com.kaicalls.mock.internal.access.RateLimiter;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.admin.AdminRoutes;
import com.kaicalls.mock.internal.admin.EmulatorControls;
import com.kaicalls.mock.internal.admin.RunGenerator;
import com.kaicalls.mock.internal.admin.SnapshotException;
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
import com.kaicalls.mock.internal.resources.WorkspaceHandlers;
import com.kaicalls.mock.internal.runs.CallScripts;
import com.kaicalls.mock.internal.runs.Conversations;
import com.kaicalls.mock.internal.runs.RunEngine;
import com.kaicalls.mock.internal.runs.RunHandlers;
import com.kaicalls.mock.internal.runs.RunRules;
import com.kaicalls.mock.internal.runs.TextMessages;
import com.kaicalls.mock.internal.runs.VoiceCalls;
import com.kaicalls.mock.internal.seed.Seeds;
import com.kaicalls.mock.internal.spec.ApiSpec;
import com.kaicalls.mock.internal.store.DataDirException;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.InMemoryStore;
import com.kaicalls.mock.internal.store.Journal;
import com.kaicalls.mock.internal.store.JournaledStore;
import com.kaicalls.mock.internal.store.Store;
import com.kaicalls.mock.internal.store.Transactions;
import com.kaicalls.mock.internal.webhooks.Backfills;
import com.kaicalls.mock.internal.webhooks.Deliveries;
import com.kaicalls.mock.internal.webhooks.Dispatcher;
import com.kaicalls.mock.internal.webhooks.EventHandlers;
import com.kaicalls.mock.internal.webhooks.WebhookHandlers;
import com.kaicalls.webhooks.WebhookSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Wires the emulator from {@link MockServerOptions}: reads the spec, builds the store (journaled
 * with a data directory), the virtual clock and scheduler, the handlers, run engine and webhook
 * dispatcher, and runs them inside an embedded WireMock server (one catch-all stub answered by
 * {@link ApiTransformer}, admin routes from {@link AdminRoutes}). Internal: use {@code
 * com.kaicalls.mock.KaiCallsMockServer}.
 */
public final class Emulator implements EmulatorControls, AutoCloseable {

  /** The demo workspace's id. */
  public static final String DEMO_WORKSPACE_ID = Workspaces.DEMO_ID;

  /** The second workspace's id. */
  public static final String OTHER_WORKSPACE_ID = Workspaces.OTHER_ID;

  /** The demo agency's id. */
  public static final String AGENCY_WORKSPACE_ID = Workspaces.AGENCY_ID;

  /** How long one webhook attempt may take, body included. */
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(15);

  private static final System.Logger LOG = System.getLogger("com.kaicalls.mock");

  private final MockServerOptions options;
  private final VirtualClock clock;
  private final Journal journal;
  private final Scheduler scheduler;

  /** Package-private for IdempotencyInFlightTest, which holds a create open through its hook. */
  final RunHandlers runs;

  private final Dispatcher dispatcher;
  private final FaultRegistry faults = new FaultRegistry();
  private final RequestLog requestLog;
  private final RunGenerator runGenerator;
  private final EmulatorState state;
  private final WireMockServer server;

  /** {@code opened}: what to close, last first, if this constructor fails. */
  private Emulator(
      MockServerOptions options,
      Seeds.Snapshot seedSnapshot,
      Duration deliveryTimeout,
      List<AutoCloseable> opened) {
    this.options = options;
    // Start Jetty while the spec is parsed and the seed built: the transformer and pages wait for
    // them.
    CompletableFuture<ApiTransformer.Ready> ready = new CompletableFuture<>();
    CompletableFuture<JsonNode> specRoot = new CompletableFuture<>();
    WireMockConfiguration wiremock =
        WireMockConfiguration.options()
            .bindAddress(options.host())
            .port(options.port())
            .disableRequestJournal()
            .stubRequestLoggingDisabled(true)
            .gzipDisabled(true)
            // HTTP/1.1 only: a JDK HttpClient's h2c upgrade raced with large bodies and read them
            // as HTTP/2 frames.
            .http2PlainDisabled(true)
            .extensionScanningEnabled(false)
            .templatingEnabled(false)
            .notifier(new ConsoleNotifier(false))
            .httpServerFactory(
                GuardedJettyServer.factory(
                    new OriginPolicy(options.host(), options.allowedHosts())))
            .extensions(
                new ApiTransformer(ready),
                new AdminRoutes(this),
                new PagesFilter(options.apiKey(), this::baseUrl, specRoot::join));
    this.server = new WireMockServer(wiremock);
    // Registered before Jetty listens, so even the first request reaches the transformer (which
    // waits until ready).
    server.stubFor(
        any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(ApiTransformer.NAME)));
    // Locked before Jetty listens: a second process on the same directory never opens its port.
    this.journal =
        options.dataDir() == null
            ? Journal.none()
            : Journal.open(options.dataDir(), options.repairJournal());
    opened.add(journal);
    CompletableFuture<Void> serverStarted = CompletableFuture.runAsync(server::start);
    opened.add(
        () -> {
          IllegalStateException failed = new IllegalStateException("the emulator failed to start");
          ready.completeExceptionally(failed);
          specRoot.completeExceptionally(failed);
          serverStarted.exceptionally(e -> null).join();
          server.stop();
        });
    ApiSpec spec = ApiSpec.load();
    specRoot.complete(spec.root);
    List<String> allScopes = new ArrayList<>();
    spec.root.at("/components/schemas/Scope/enum").forEach(s -> allScopes.add(s.asText()));
    this.clock =
        new VirtualClock(
            options.clockMode() == ClockMode.MANUAL,
            options.speed(),
            options.clock(),
            options.startTime());
    Ids ids = new Ids(20261128L);
    InMemoryStore memory = new InMemoryStore();
    Store store = journal.durable() ? new JournaledStore(memory, journal) : memory;
    Transactions tx = new Transactions(journal, ids, clock);
    this.scheduler = new Scheduler(store, clock, tx);
    RecordingAudio recordingAudio = new RecordingAudio(store);
    Ledger ledger = new Ledger(store, ids, clock);
    Authenticator auth = new Authenticator(store, clock);
    RateLimit limit = options.rateLimit();
    RateLimiter rateLimiter =
        new RateLimiter(
            limit == null ? 0 : limit.requests(),
            limit == null ? 1 : limit.window().toSeconds(),
            options.clock());
    IdempotencyCache idempotency = new IdempotencyCache(clock, store);
    this.requestLog = new RequestLog(options.requestLogSize(), options.clock());
    Deliveries deliveries = new Deliveries(store, ids, clock, scheduler);
    Workspaces workspaces = new Workspaces();
    Conversations conversations = new Conversations(store, ids);
    VoiceCalls calls =
        new VoiceCalls(store, ledger, ids, recordingAudio, new CallScripts(workspaces));
    TextMessages texts = new TextMessages(store, ledger, ids, clock, scheduler, conversations);
    RunEngine engine =
        new RunEngine(store, ledger, ids, clock, scheduler, calls, texts, conversations);
    this.runs = new RunHandlers(store, ledger, new RunRules(store), ids, clock, engine);
    WebhookHandlers webhooks =
        new WebhookHandlers(
            store,
            ledger,
            deliveries,
            ids,
            clock,
            WebhookSecrets::generate,
            spec.eventTypes(),
            workspaces);
    this.dispatcher =
        new Dispatcher(
            store,
            ledger,
            clock,
            options.clock(),
            scheduler,
            tx,
            deliveries,
            workspaces,
            deliveryTimeout);
    opened.add(dispatcher);
    Backfills backfills = new Backfills(store, deliveries, ids, clock, scheduler, workspaces);
    dispatcher.addListener(backfills);
    this.runGenerator = new RunGenerator(tx, store, ledger, ids, clock, runs);
    Seeds seeds =
        new Seeds(
            store,
            ledger,
            ids,
            recordingAudio,
            webhooks,
            auth,
            workspaces,
            allScopes,
            options.apiKey(),
            options.otherWorkspaceApiKey(),
            options.agencyApiKey(),
            options.seed() == Seed.DEMO);
    Map<String, Handler> handlers = new HashMap<>();
    new ReadHandlers(store, workspaces, recordingAudio).register(handlers);
    new ApiKeyHandlers(store, ledger, auth, ids, clock).register(handlers);
    new WorkspaceHandlers(store, workspaces, ids, clock).register(handlers);
    runs.register(handlers);
    webhooks.register(handlers);
    new EventHandlers(store, deliveries, backfills, workspaces).register(handlers);
    warnAboutMissingHandlers(spec, handlers.keySet());
    Pipeline pipeline =
        new Pipeline(
            new RouteTable(spec.operations),
            spec.validator,
            Map.copyOf(handlers),
            RunHandlers.lenientOperations(),
            auth,
            new ActingWorkspace(workspaces),
            rateLimiter,
            idempotency,
            ids,
            options.verbose() ? options.requestLog() : null,
            requestLog,
            tx);
    this.state =
        new EmulatorState(
            new EmulatorState.Parts(
                tx,
                store,
                ids,
                clock,
                scheduler,
                dispatcher,
                auth,
                idempotency,
                rateLimiter,
                workspaces,
                engine,
                faults,
                requestLog),
            seeds,
            seedSnapshot);
    Journal.Replayed replayed = journal.replay(memory, Deliveries::upgrade);
    if (replayed.commits() > 0) {
      state.continueFrom(replayed);
    } else {
      state.seed();
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
   * {@link StartupException} for a port in use, a held data directory or an unreadable journal; an
   * {@link IllegalStateException} for a seed snapshot that cannot be read, before anything opens.
   */
  public static Emulator start(MockServerOptions options) {
    return start(options, DELIVERY_TIMEOUT);
  }

  /**
   * Like {@link #start(MockServerOptions)}, with another deadline for one webhook attempt than 15 s
   * (not an option of the public API: DeliveryDeadlineTest shortens it).
   */
  public static Emulator start(MockServerOptions options, Duration deliveryTimeout) {
    Seeds.Snapshot seedSnapshot = Seeds.read(options.seedFile(), options.seedResource());
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      return new Emulator(options, seedSnapshot, deliveryTimeout, opened);
    } catch (RuntimeException | Error e) {
      for (int i = opened.size() - 1; i >= 0; i--) {
        try {
          opened.get(i).close();
        } catch (Exception | Error suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw startupFailure(options, e);
    }
  }

  /** A failed start as one line for whoever started it; a port already taken is named. */
  private static RuntimeException startupFailure(MockServerOptions options, Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StartupException startup) {
        return startup;
      }
      if (cause instanceof DataDirException dataDir) {
        return new StartupException(dataDir.getMessage(), dataDir);
      }
      if (cause instanceof java.net.BindException bind) {
        boolean inUse = String.valueOf(bind.getMessage()).contains("in use");
        return new StartupException(
            "Port "
                + options.port()
                + " on "
                + options.host()
                + (inUse
                    ? " is already in use; stop what listens there or choose another --port (0 picks a free one)."
                    : " cannot be listened on ("
                        + bind.getMessage()
                        + "); check --host and --port."),
            e);
      }
    }
    return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
  }

  private static void warnAboutMissingHandlers(ApiSpec spec, Set<String> handled) {
    Set<String> missing = new TreeSet<>();
    for (ApiSpec.Operation op : spec.operations) {
      if (!handled.contains(op.operationId())) {
        missing.add(op.operationId());
      }
    }
    if (!missing.isEmpty()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Operations without an emulator handler (answer 500): " + missing);
    }
  }

  /**
   * Base URL without a trailing slash; a server bound to every interface is reached on 127.0.0.1.
   */
  public String baseUrl() {
    String host = options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
  }

  /** The port listened on (the one chosen when the options asked for 0). */
  public int port() {
    return server.port();
  }

  @Override
  public String apiKey() {
    return options.apiKey();
  }

  @Override
  public String otherWorkspaceApiKey() {
    return options.otherWorkspaceApiKey();
  }

  @Override
  public String agencyApiKey() {
    return options.agencyApiKey();
  }

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
   * windows, faults, the request log; the journal too), resets the clock and re-seeds (from the
   * seed snapshot when one was given).
   */
  @Override
  public void reset() {
    state.reset();
  }

  /** The whole state as a snapshot document, taken between two transactions. */
  @Override
  public byte[] snapshot() {
    return state.snapshot();
  }

  /**
   * Replaces the state with a snapshot (the journal too), as one transaction; faults and the
   * request log stay. An invalid snapshot changes nothing.
   *
   * @throws SnapshotException naming the field at fault
   */
  @Override
  public void restoreSnapshot(byte[] snapshot) {
    state.restore(snapshot);
  }

  @Override
  public ObjectNode requests(Integer limit, String workspaceId) {
    return requestLog.list(limit, workspaceId);
  }

  @Override
  public List<String> generateRuns(String workspaceId, int count) {
    return runGenerator.generate(workspaceId, count);
  }

  @Override
  public String workspaceFor(String name) {
    if ("other".equals(name)) {
      return OTHER_WORKSPACE_ID;
    }
    if ("agency".equals(name)) {
      return AGENCY_WORKSPACE_ID;
    }
    return state.workspaces().contains(name) ? name : DEMO_WORKSPACE_ID;
  }

  @Override
  public void close() {
    scheduler.close();
    dispatcher.close();
    server.stop();
    journal.close();
  }
}
