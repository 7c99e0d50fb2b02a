package com.kaicalls.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kaicalls.sdk.internal.AsyncTransport;
import com.kaicalls.sdk.internal.Json;
import com.kaicalls.sdk.internal.ServiceFactories;
import com.kaicalls.sdk.internal.Transport;
import com.kaicalls.sdk.services.AgentsService;
import com.kaicalls.sdk.services.ApiKeysService;
import com.kaicalls.sdk.services.AttemptsService;
import com.kaicalls.sdk.services.BackfillsService;
import com.kaicalls.sdk.services.CallsService;
import com.kaicalls.sdk.services.CommunicationRunsService;
import com.kaicalls.sdk.services.ConversationsService;
import com.kaicalls.sdk.services.EventDeliveriesService;
import com.kaicalls.sdk.services.EventsService;
import com.kaicalls.sdk.services.JobsService;
import com.kaicalls.sdk.services.LeadsService;
import com.kaicalls.sdk.services.MeService;
import com.kaicalls.sdk.services.RecordingsService;
import com.kaicalls.sdk.services.SmsMessagesService;
import com.kaicalls.sdk.services.WebhookSubscriptionsService;
import com.kaicalls.sdk.services.WorkspacesService;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The KaiCalls API client: one service per resource, each method a typed call. Thread-safe; create
 * one and share it. Every POST carries an idempotency key (generated once per call if you give
 * none) so retries are safe. An error response is retried when its {@code KaiCalls-Should-Retry}
 * header says {@code true}; without the header, 408, 429, 5xx and a 409 {@code
 * idempotency_key_in_use} are; connection failures and timeouts are retried when a repeat cannot
 * act twice. Retries wait {@code Retry-After} or back off exponentially.
 *
 * <pre>{@code
 * KaiCallsClient client = KaiCallsClient.fromEnv();
 * Me me = client.me().retrieve();
 * }</pre>
 */
public final class KaiCallsClient {
  /** The production API. */
  public static final String DEFAULT_BASE_URL = "https://api.kaicalls.com";

  // Read once per class load, not for every client that withOptions(...) makes.
  private static final String USER_AGENT =
      "kaicalls-java/" + sdkVersion() + " java/" + System.getProperty("java.version");

  private final Builder settings;
  private final OkHttpClient http;
  private final Transport transport;
  private final Webhooks webhooks;
  private final KaiCallsClientAsync async;

  private final MeService me;
  private final ApiKeysService apiKeys;
  private final WorkspacesService workspaces;
  private final LeadsService leads;
  private final CallsService calls;
  private final CommunicationRunsService communicationRuns;
  private final WebhookSubscriptionsService webhookSubscriptions;
  private final EventsService events;
  private final EventDeliveriesService eventDeliveries;
  private final BackfillsService backfills;
  private final SmsMessagesService smsMessages;
  private final ConversationsService conversations;
  private final JobsService jobs;
  private final AttemptsService attempts;
  private final RecordingsService recordings;
  private final AgentsService agents;

  private KaiCallsClient(Builder b) {
    this.settings = b.copy();
    this.http = b.httpClient();
    ObjectMapper json = Json.newMapper();
    this.transport =
        new Transport(
            http,
            b.parsedBaseUrl(),
            b.apiKey,
            b.workspace,
            b.maxRetries,
            b.clock,
            b.sleeper,
            b.idempotencyKeyGenerator,
            b.jitter,
            USER_AGENT,
            json);
    List<String> secrets = new ArrayList<>();
    if (b.webhookSecret != null) secrets.add(b.webhookSecret);
    this.webhooks = new Webhooks(secrets, b.clock, json);
    this.me = ServiceFactories.create(MeService.class, transport);
    this.apiKeys = ServiceFactories.create(ApiKeysService.class, transport);
    this.workspaces = ServiceFactories.create(WorkspacesService.class, transport);
    this.leads = ServiceFactories.create(LeadsService.class, transport);
    this.calls = ServiceFactories.create(CallsService.class, transport);
    this.communicationRuns = ServiceFactories.create(CommunicationRunsService.class, transport);
    this.webhookSubscriptions =
        ServiceFactories.create(WebhookSubscriptionsService.class, transport);
    this.events = ServiceFactories.create(EventsService.class, transport);
    this.eventDeliveries = ServiceFactories.create(EventDeliveriesService.class, transport);
    this.backfills = ServiceFactories.create(BackfillsService.class, transport);
    this.smsMessages = ServiceFactories.create(SmsMessagesService.class, transport);
    this.conversations = ServiceFactories.create(ConversationsService.class, transport);
    this.jobs = ServiceFactories.create(JobsService.class, transport);
    this.attempts = ServiceFactories.create(AttemptsService.class, transport);
    this.recordings = ServiceFactories.create(RecordingsService.class, transport);
    this.agents = ServiceFactories.create(AgentsService.class, transport);
    ScheduledExecutorService scheduler =
        b.retryScheduler != null ? b.retryScheduler : RetryScheduler.SHARED;
    this.async =
        new KaiCallsClientAsync(this, new AsyncTransport(transport, scheduler, b.callbackExecutor));
  }

  /** Returns a builder; {@link Builder#apiKey(String)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates a client from {@code KAICALLS_API_KEY}, {@code KAICALLS_BASE_URL} (optional), {@code
   * KAICALLS_WEBHOOK_SECRET} (optional) and {@code KAICALLS_WORKSPACE} (optional: a client
   * workspace to act in).
   *
   * @return the client
   * @throws IllegalStateException if {@code KAICALLS_API_KEY} is missing or blank
   */
  public static KaiCallsClient fromEnv() {
    return builder().fromEnv().build();
  }

  /**
   * Returns a copy with changed settings (another key, a shorter timeout, more retries) that shares
   * this client's connection pool and threads.
   *
   * <pre>{@code
   * KaiCallsClient patient = client.withOptions(o -> o.maxRetries(5).readTimeout(Duration.ofMinutes(2)));
   * }</pre>
   *
   * @param change edits a builder prefilled with this client's settings
   * @return the new client
   */
  public KaiCallsClient withOptions(Consumer<Builder> change) {
    Builder b = settings.copy();
    b.okHttpClient = http;
    change.accept(b);
    return b.build();
  }

  /**
   * Returns a copy that acts inside a client workspace: every request carries {@code
   * KaiCalls-Workspace}, so an agency key reads and writes that client's data with its own scopes.
   * The copy shares this client's connection pool and threads; a call's {@link
   * RequestOptions.Builder#workspace(String)} still overrides it.
   *
   * <pre>{@code
   * KaiCallsClient lakeside = agency.withWorkspace("ws_7Tn2Qd9LxB4c");
   * lakeside.communicationRuns().create(run, RequestOptions.idempotencyKey("lakeside-spring-reminders"));
   * }</pre>
   *
   * @param workspaceId the client workspace's id ({@code ws_...})
   * @return the new client
   * @throws IllegalArgumentException if the id is blank, too long or not a header-safe string
   */
  public KaiCallsClient withWorkspace(String workspaceId) {
    String checked = RequestOptions.Builder.checkedWorkspaceId(workspaceId);
    return withOptions(b -> b.workspace(checked));
  }

  /** Returns the client workspace every request acts in, if this client was made to act for one. */
  public Optional<String> workspace() {
    return Optional.ofNullable(settings.workspace);
  }

  /**
   * Returns the asynchronous face of this client: the same services, each method returning a {@link
   * java.util.concurrent.CompletableFuture}, with the same settings, retries and connection pool.
   *
   * @return the asynchronous client
   */
  public KaiCallsClientAsync async() {
    return async;
  }

  /** Returns the calling key: its id, workspace and scopes. */
  public MeService me() {
    return me;
  }

  /** Returns scoped API keys: list, mint, revoke. */
  public ApiKeysService apiKeys() {
    return apiKeys;
  }

  /** Returns an agency's client workspaces: list, create, retrieve, update. */
  public WorkspacesService workspaces() {
    return workspaces;
  }

  /** Returns leads captured from calls, texts and runs. */
  public LeadsService leads() {
    return leads;
  }

  /** Returns inbound and outbound calls. */
  public CallsService calls() {
    return calls;
  }

  /** Returns communication runs: validate, preview, create, pause, resume, cancel. */
  public CommunicationRunsService communicationRuns() {
    return communicationRuns;
  }

  /** Returns webhook subscriptions: create, update, test, rotate secrets. */
  public WebhookSubscriptionsService webhookSubscriptions() {
    return webhookSubscriptions;
  }

  /** Returns the durable event store: list, retrieve, replay, backfill. */
  public EventsService events() {
    return events;
  }

  /** Returns every webhook delivery and its attempts. */
  public EventDeliveriesService eventDeliveries() {
    return eventDeliveries;
  }

  /** Returns the progress of backfills. */
  public BackfillsService backfills() {
    return backfills;
  }

  /** Returns SMS messages sent and received. */
  public SmsMessagesService smsMessages() {
    return smsMessages;
  }

  /** Returns conversations and their messages. */
  public ConversationsService conversations() {
    return conversations;
  }

  /** Returns jobs: one per recipient of a run. */
  public JobsService jobs() {
    return jobs;
  }

  /** Returns attempts: each try of a job. */
  public AttemptsService attempts() {
    return attempts;
  }

  /** Returns call recordings and their audio. */
  public RecordingsService recordings() {
    return recordings;
  }

  /** Returns agents and the configuration versions they ran. */
  public AgentsService agents() {
    return agents;
  }

  /** Returns webhook verification and parsing, with the client's webhook secret. */
  public Webhooks webhooks() {
    return webhooks;
  }

  private static String sdkVersion() {
    try (InputStream in = KaiCallsClient.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * The default retry scheduler: one daemon thread, started on the first scheduled retry, shared by
   * all clients.
   */
  private static final class RetryScheduler {
    static final ScheduledExecutorService SHARED = create();

    private static ScheduledExecutorService create() {
      ScheduledThreadPoolExecutor scheduler =
          new ScheduledThreadPoolExecutor(
              1,
              task -> {
                Thread t = new Thread(task, "kaicalls-retry-scheduler");
                t.setDaemon(true);
                return t;
              });
      // A cancelled call's pending retry leaves the queue at once instead of waiting out its delay.
      scheduler.setRemoveOnCancelPolicy(true);
      return scheduler;
    }
  }

  /** Builds a {@link KaiCallsClient}. */
  public static final class Builder {
    private String apiKey;
    private String workspace;
    private String baseUrl = DEFAULT_BASE_URL;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration writeTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = Duration.ofMinutes(2);
    private int maxRetries = 2;
    private OkHttpClient okHttpClient;
    private String webhookSecret;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.threadSleeper();
    private Supplier<String> idempotencyKeyGenerator = () -> UUID.randomUUID().toString();
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private Executor callbackExecutor = ForkJoinPool.commonPool();
    private ScheduledExecutorService retryScheduler;

    private Builder() {}

    /**
     * Sets the API key ({@code kc_test_...} or {@code kc_live_...}).
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Acts inside a client workspace on every request ({@code KaiCalls-Workspace}); only a key of
     * an agency workspace may. See {@link KaiCallsClient#withWorkspace(String)}.
     *
     * @param workspaceId the client workspace's id ({@code ws_...}), or null to act in the key's
     *     own workspace
     * @return this builder
     * @throws IllegalArgumentException if the id is blank, too long or not a header-safe string
     */
    public Builder workspace(String workspaceId) {
      this.workspace =
          workspaceId == null ? null : RequestOptions.Builder.checkedWorkspaceId(workspaceId);
      return this;
    }

    /**
     * Sets the API's base URL, e.g. a local emulator's {@code http://127.0.0.1:8089}.
     *
     * @param baseUrl an http or https URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * Sets the connect timeout (default 10 s).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the read timeout: the longest silence while waiting for the response (default 60 s).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * Sets the write timeout (default 60 s).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = positive(timeout, "writeTimeout");
      return this;
    }

    /**
     * Sets the timeout of each attempt as a whole, from connecting to reading the body (default 2
     * min).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /**
     * Sets how many times a failed call is retried (default 2).
     *
     * @param maxRetries zero or more
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must not be negative");
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Uses your {@link OkHttpClient}: the SDK works on a copy that shares its connection pool and
     * dispatcher, with the SDK's timeouts and with OkHttp's own connection-failure retry turned off
     * (the SDK retries itself).
     *
     * @param client the client to share
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets the webhook signing secret used by {@link KaiCallsClient#webhooks()}.
     *
     * @param secret a {@code whsec_} secret
     * @return this builder
     */
    public Builder webhookSecret(String secret) {
      this.webhookSecret = secret;
      return this;
    }

    /**
     * Sets the clock used for {@code Retry-After} dates and webhook timestamp tolerance.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets what waits between retries; tests pass one that records delays and returns at once.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets how idempotency keys are made for POSTs the caller gave none for (default: random
     * UUIDs).
     *
     * @param generator returns a new key, 1 to 255 characters, on each call
     * @return this builder
     */
    public Builder idempotencyKeyGenerator(Supplier<String> generator) {
      this.idempotencyKeyGenerator = Objects.requireNonNull(generator, "generator");
      return this;
    }

    /**
     * Sets where the {@link KaiCallsClient#async() asynchronous client}'s futures complete, and so
     * where callbacks attached to them before completion run (default {@link
     * ForkJoinPool#commonPool()}). {@code Runnable::run} completes them on OkHttp's threads: the
     * fastest, but then callbacks must never block.
     *
     * @param executor runs each completion
     * @return this builder
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets what runs the asynchronous client's retries after their delay (default: one shared
     * daemon thread). The scheduler only starts the next attempt; it never waits on the network.
     * Tests pass one they advance by hand.
     *
     * @param scheduler schedules retries; the client never shuts it down
     * @return this builder
     */
    public Builder retryScheduler(ScheduledExecutorService scheduler) {
      this.retryScheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Reads {@code KAICALLS_API_KEY}, {@code KAICALLS_BASE_URL}, {@code KAICALLS_WEBHOOK_SECRET}
     * and {@code KAICALLS_WORKSPACE} from the environment; unset variables leave the builder as it
     * was.
     *
     * @return this builder
     */
    public Builder fromEnv() {
      return fromEnv(System::getenv);
    }

    Builder fromEnv(Function<String, String> env) {
      String key = env.apply("KAICALLS_API_KEY");
      if (key != null) apiKey = key;
      String url = env.apply("KAICALLS_BASE_URL");
      if (url != null && !url.trim().isEmpty()) baseUrl = url.trim();
      String secret = env.apply("KAICALLS_WEBHOOK_SECRET");
      if (secret != null && !secret.trim().isEmpty()) webhookSecret = secret.trim();
      String actingIn = env.apply("KAICALLS_WORKSPACE");
      if (actingIn != null && !actingIn.trim().isEmpty()) workspace(actingIn.trim());
      return this;
    }

    Builder jitter(DoubleSupplier jitter) {
      this.jitter = jitter;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if no API key was given, or the base URL is not http(s)
     */
    public KaiCallsClient build() {
      if (apiKey == null || apiKey.trim().isEmpty()) {
        throw new IllegalStateException(
            "No KaiCalls API key: call apiKey(...) or set KAICALLS_API_KEY (keys look like kc_test_...)");
      }
      if (apiKey.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
        throw new IllegalStateException(
            "The KaiCalls API key contains whitespace or non-ASCII characters");
      }
      parsedBaseUrl();
      return new KaiCallsClient(this);
    }

    HttpUrl parsedBaseUrl() {
      HttpUrl url = HttpUrl.parse(baseUrl);
      if (url == null) {
        throw new IllegalStateException("baseUrl is not an http(s) URL: " + baseUrl);
      }
      return url;
    }

    OkHttpClient httpClient() {
      OkHttpClient.Builder b =
          okHttpClient == null ? new OkHttpClient.Builder() : okHttpClient.newBuilder();
      return b.connectTimeout(connectTimeout)
          .readTimeout(readTimeout)
          .writeTimeout(writeTimeout)
          .callTimeout(callTimeout)
          // The SDK owns every retry, so OkHttp must not silently resend a POST on a stale
          // connection.
          .retryOnConnectionFailure(false)
          .build();
    }

    Builder copy() {
      Builder b = new Builder();
      b.apiKey = apiKey;
      b.workspace = workspace;
      b.baseUrl = baseUrl;
      b.connectTimeout = connectTimeout;
      b.readTimeout = readTimeout;
      b.writeTimeout = writeTimeout;
      b.callTimeout = callTimeout;
      b.maxRetries = maxRetries;
      b.okHttpClient = okHttpClient;
      b.webhookSecret = webhookSecret;
      b.clock = clock;
      b.sleeper = sleeper;
      b.idempotencyKeyGenerator = idempotencyKeyGenerator;
      b.jitter = jitter;
      b.callbackExecutor = callbackExecutor;
      b.retryScheduler = retryScheduler;
      return b;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero())
        throw new IllegalArgumentException(name + " must be positive");
      return d;
    }
  }
}
