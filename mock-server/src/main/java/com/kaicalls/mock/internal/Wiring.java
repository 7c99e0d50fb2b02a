package com.kaicalls.mock.internal;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.MockServerOptions;
import com.kaicalls.mock.RateLimit;
import com.kaicalls.mock.Seed;
import com.kaicalls.mock.internal.access.ActingWorkspace;
import com.kaicalls.mock.internal.access.Authenticator;
import com.kaicalls.mock.internal.access.IdempotencyCache;
import com.kaicalls.mock.internal.access.RateLimiter;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.admin.RunGenerator;
import com.kaicalls.mock.internal.api.Handler;
import com.kaicalls.mock.internal.clock.Scheduler;
import com.kaicalls.mock.internal.clock.VirtualClock;
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.http.FaultRegistry;
import com.kaicalls.mock.internal.http.Pipeline;
import com.kaicalls.mock.internal.http.RequestLog;
import com.kaicalls.mock.internal.http.RouteTable;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the emulator's parts from {@link MockServerOptions} and the parsed spec: the store
 * (journaled with a data directory), the virtual clock and scheduler, the ledger, the run engine,
 * the webhook dispatcher, the handlers of every operation and the request {@link Pipeline} over
 * them, and the {@link EmulatorState} that handles them as one. {@link Emulator} runs them behind
 * WireMock.
 */
final class Wiring {

  private static final System.Logger LOG = System.getLogger("com.kaicalls.mock");

  final VirtualClock clock;
  final InMemoryStore memory;
  final Scheduler scheduler;
  final RequestLog requestLog;
  final Dispatcher dispatcher;
  final RunGenerator runGenerator;
  final Pipeline pipeline;
  final EmulatorState state;

  /**
   * {@code opened}: where to add what must be closed if the emulator fails to start; {@code
   * beforeCreateRun}: the Emulator's test seam, run inside {@code createCommunicationRun}.
   */
  Wiring(
      MockServerOptions options,
      ApiSpec spec,
      Journal journal,
      FaultRegistry faults,
      Seeds.Snapshot seedSnapshot,
      Runnable beforeCreateRun,
      List<AutoCloseable> opened) {
    List<String> allScopes = new ArrayList<>();
    spec.root.at("/components/schemas/Scope/enum").forEach(s -> allScopes.add(s.asText()));
    this.clock =
        new VirtualClock(
            options.clockMode() == ClockMode.MANUAL,
            options.speed(),
            options.clock(),
            options.startTime());
    Ids ids = new Ids(20261128L);
    this.memory = new InMemoryStore();
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
    RunHandlers runs = new RunHandlers(store, ledger, new RunRules(store), ids, clock, engine);
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
            options.webhookTimeout());
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
    handlers.computeIfPresent(
        "createCommunicationRun",
        (operation, create) ->
            call -> {
              beforeCreateRun.run();
              return create.handle(call);
            });
    webhooks.register(handlers);
    new EventHandlers(store, deliveries, backfills, workspaces).register(handlers);
    warnAboutMissingHandlers(spec, handlers.keySet());
    this.pipeline =
        new Pipeline(
            new RouteTable(spec.operations),
            spec.validator,
            Map.copyOf(handlers),
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
}
