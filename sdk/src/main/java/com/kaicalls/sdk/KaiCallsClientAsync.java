package com.kaicalls.sdk;

import com.kaicalls.sdk.internal.AsyncTransport;
import com.kaicalls.sdk.internal.ServiceFactories;
import com.kaicalls.sdk.services.AgentsServiceAsync;
import com.kaicalls.sdk.services.ApiKeysServiceAsync;
import com.kaicalls.sdk.services.AttemptsServiceAsync;
import com.kaicalls.sdk.services.BackfillsServiceAsync;
import com.kaicalls.sdk.services.CallsServiceAsync;
import com.kaicalls.sdk.services.CommunicationRunsServiceAsync;
import com.kaicalls.sdk.services.ConversationsServiceAsync;
import com.kaicalls.sdk.services.EventDeliveriesServiceAsync;
import com.kaicalls.sdk.services.EventsServiceAsync;
import com.kaicalls.sdk.services.JobsServiceAsync;
import com.kaicalls.sdk.services.LeadsServiceAsync;
import com.kaicalls.sdk.services.MeServiceAsync;
import com.kaicalls.sdk.services.RecordingsServiceAsync;
import com.kaicalls.sdk.services.SmsMessagesServiceAsync;
import com.kaicalls.sdk.services.WebhookSubscriptionsServiceAsync;
import com.kaicalls.sdk.services.WorkspacesServiceAsync;
import java.util.function.Consumer;

/**
 * The asynchronous face of a {@link KaiCallsClient}: the same services and methods, each returning
 * a {@link java.util.concurrent.CompletableFuture}. Requests are OkHttp async calls and the wait
 * before a retry is scheduled, so no thread is held per call. Retries, idempotency keys and errors
 * are exactly the blocking client's. Futures complete on the client's {@link
 * KaiCallsClient.Builder#callbackExecutor callback executor}; cancelling one cancels its HTTP
 * request and any pending retry. Get it with {@link KaiCallsClient#async()}; it shares the client's
 * connection pool and settings.
 *
 * <pre>{@code
 * KaiCallsClientAsync async = KaiCallsClient.fromEnv().async();
 * async.me().retrieve().thenAccept(me -> System.out.println(me.workspaceId()));
 * }</pre>
 */
public final class KaiCallsClientAsync {
  private final KaiCallsClient sync;
  private final MeServiceAsync me;
  private final ApiKeysServiceAsync apiKeys;
  private final WorkspacesServiceAsync workspaces;
  private final LeadsServiceAsync leads;
  private final CallsServiceAsync calls;
  private final CommunicationRunsServiceAsync communicationRuns;
  private final WebhookSubscriptionsServiceAsync webhookSubscriptions;
  private final EventsServiceAsync events;
  private final EventDeliveriesServiceAsync eventDeliveries;
  private final BackfillsServiceAsync backfills;
  private final SmsMessagesServiceAsync smsMessages;
  private final ConversationsServiceAsync conversations;
  private final JobsServiceAsync jobs;
  private final AttemptsServiceAsync attempts;
  private final RecordingsServiceAsync recordings;
  private final AgentsServiceAsync agents;

  KaiCallsClientAsync(KaiCallsClient sync, AsyncTransport transport) {
    this.sync = sync;
    this.me = ServiceFactories.create(MeServiceAsync.class, transport);
    this.apiKeys = ServiceFactories.create(ApiKeysServiceAsync.class, transport);
    this.workspaces = ServiceFactories.create(WorkspacesServiceAsync.class, transport);
    this.leads = ServiceFactories.create(LeadsServiceAsync.class, transport);
    this.calls = ServiceFactories.create(CallsServiceAsync.class, transport);
    this.communicationRuns =
        ServiceFactories.create(CommunicationRunsServiceAsync.class, transport);
    this.webhookSubscriptions =
        ServiceFactories.create(WebhookSubscriptionsServiceAsync.class, transport);
    this.events = ServiceFactories.create(EventsServiceAsync.class, transport);
    this.eventDeliveries = ServiceFactories.create(EventDeliveriesServiceAsync.class, transport);
    this.backfills = ServiceFactories.create(BackfillsServiceAsync.class, transport);
    this.smsMessages = ServiceFactories.create(SmsMessagesServiceAsync.class, transport);
    this.conversations = ServiceFactories.create(ConversationsServiceAsync.class, transport);
    this.jobs = ServiceFactories.create(JobsServiceAsync.class, transport);
    this.attempts = ServiceFactories.create(AttemptsServiceAsync.class, transport);
    this.recordings = ServiceFactories.create(RecordingsServiceAsync.class, transport);
    this.agents = ServiceFactories.create(AgentsServiceAsync.class, transport);
  }

  /** Returns the blocking client this one belongs to. */
  public KaiCallsClient sync() {
    return sync;
  }

  /**
   * Returns a copy with changed settings that shares this client's connection pool; see {@link
   * KaiCallsClient#withOptions(Consumer)}.
   *
   * @param change edits a builder prefilled with this client's settings
   * @return the new asynchronous client
   */
  public KaiCallsClientAsync withOptions(Consumer<KaiCallsClient.Builder> change) {
    return sync.withOptions(change).async();
  }

  /** Returns the calling key: its id, workspace and scopes. */
  public MeServiceAsync me() {
    return me;
  }

  /** Returns scoped API keys: list, mint, revoke. */
  public ApiKeysServiceAsync apiKeys() {
    return apiKeys;
  }

  /** Returns an agency's client workspaces: list, create, retrieve, update. */
  public WorkspacesServiceAsync workspaces() {
    return workspaces;
  }

  /** Returns leads captured from calls, texts and runs. */
  public LeadsServiceAsync leads() {
    return leads;
  }

  /** Returns inbound and outbound calls. */
  public CallsServiceAsync calls() {
    return calls;
  }

  /** Returns communication runs: validate, preview, create, pause, resume, cancel. */
  public CommunicationRunsServiceAsync communicationRuns() {
    return communicationRuns;
  }

  /** Returns webhook subscriptions: create, update, test, rotate secrets. */
  public WebhookSubscriptionsServiceAsync webhookSubscriptions() {
    return webhookSubscriptions;
  }

  /** Returns the durable event store: list, retrieve, replay, backfill. */
  public EventsServiceAsync events() {
    return events;
  }

  /** Returns every webhook delivery and its attempts. */
  public EventDeliveriesServiceAsync eventDeliveries() {
    return eventDeliveries;
  }

  /** Returns the progress of backfills. */
  public BackfillsServiceAsync backfills() {
    return backfills;
  }

  /** Returns SMS messages sent and received. */
  public SmsMessagesServiceAsync smsMessages() {
    return smsMessages;
  }

  /** Returns conversations and their messages. */
  public ConversationsServiceAsync conversations() {
    return conversations;
  }

  /** Returns jobs: one per recipient of a run. */
  public JobsServiceAsync jobs() {
    return jobs;
  }

  /** Returns attempts: each try of a job. */
  public AttemptsServiceAsync attempts() {
    return attempts;
  }

  /** Returns call recordings and their audio. */
  public RecordingsServiceAsync recordings() {
    return recordings;
  }

  /** Returns agents and the configuration versions they ran. */
  public AgentsServiceAsync agents() {
    return agents;
  }
}
