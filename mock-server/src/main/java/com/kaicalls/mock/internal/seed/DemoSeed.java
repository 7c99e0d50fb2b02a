package com.kaicalls.mock.internal.seed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.resources.AgentConfigVersionDocument;
import com.kaicalls.mock.internal.resources.AgentDocument;
import com.kaicalls.mock.internal.resources.CallDocument;
import com.kaicalls.mock.internal.resources.Collections;
import com.kaicalls.mock.internal.resources.EventDeliveryDocument;
import com.kaicalls.mock.internal.resources.Fields;
import com.kaicalls.mock.internal.resources.LeadDocument;
import com.kaicalls.mock.internal.resources.RecordingAudio;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.ListQuery;
import com.kaicalls.mock.internal.store.Store;
import com.kaicalls.mock.internal.webhooks.WebhookHandlers;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The {@code demo} seed: builds {@link DemoStory} into the demo workspace (agents with several
 * config versions, leads, calls with WAV recordings, SMS conversations, a finished outbound run
 * with its jobs and attempts, a webhook subscription, deliveries and the events of all that), plus
 * a second workspace for isolation. Fixed timestamps and a seeded id generator make it identical
 * each time: the order in which ids are taken is part of that, so the steps below keep it.
 */
public final class DemoSeed {

  /** The demo's "now" when it was recorded: every seeded time is minutes before it. */
  public static final Instant T0 = Instant.parse("2026-11-02T15:00:00Z");

  private static final String LANGUAGE = "en-US";

  private final Store store;
  private final SeedWriter seed;
  private final RecordingAudio recordings;
  private final WebhookHandlers webhooks;

  /** A seed writing to {@code store} through {@code ledger}, taking ids from {@code ids}. */
  public DemoSeed(
      Store store, Ledger ledger, Ids ids, RecordingAudio recordings, WebhookHandlers webhooks) {
    this.store = store;
    this.seed = new SeedWriter(store, ledger, ids);
    this.recordings = recordings;
    this.webhooks = webhooks;
  }

  /** {@code minutes} after {@link #T0} (before it when negative). */
  static Instant at(int minutes) {
    return T0.plusSeconds(minutes * 60L);
  }

  /** Seeds the demo workspace {@code ws}. */
  public void seedDemo(String ws) {
    String frontDesk = seed.id(AgentDocument.ID_PREFIX);
    String recallReminders = seed.id(AgentDocument.ID_PREFIX);
    agent(ws, frontDesk, DemoStory.FRONT_DESK);
    agent(ws, recallReminders, DemoStory.RECALL_REMINDERS);
    new DemoRecallRun(seed, recordings)
        .seed(ws, recallReminders, DemoStory.RECALL_REMINDERS.versions().size());
    new DemoInbox(seed).seed(ws, frontDesk, DemoStory.FRONT_DESK.versions().size());
    deliveries(ws);
  }

  /** Seeds the agency's second client workspace {@code ws} ({@link DemoClient}). */
  public void seedClient(String ws) {
    String reception = seed.id(AgentDocument.ID_PREFIX);
    String estimates = seed.id(AgentDocument.ID_PREFIX);
    agent(ws, reception, DemoClient.RECEPTION);
    agent(ws, estimates, DemoClient.ESTIMATES);
    new DemoClient(seed).seed(ws, reception);
  }

  private void agent(String ws, String id, DemoStory.Agent agent) {
    seed.save(
        ws,
        Collections.AGENT,
        AgentDocument.of(id, at(agent.createdAt()))
            .name(agent.name())
            .description(agent.description())
            .voice(agent.voice())
            .language(LANGUAGE)
            .currentConfigVersion(agent.versions().size())
            .status("active")
            .updatedAt(at(agent.updatedAt()))
            .build());
    for (int v = 1; v <= agent.versions().size(); v++) {
      DemoStory.ConfigVersion version = agent.versions().get(v - 1);
      seed.save(
          ws,
          Collections.AGENT_CONFIG_VERSION,
          AgentConfigVersionDocument.of(
                  seed.id(AgentConfigVersionDocument.ID_PREFIX), at(version.createdAt()))
              .agentId(id)
              .version(v)
              .prompt(version.prompt())
              .greeting(version.greeting())
              .voice(version.voice())
              .language(LANGUAGE)
              .model(version.model())
              .qualificationQuestions(version.qualificationQuestions())
              .tools(version.tools())
              .createdBy(version.createdBy())
              .build());
    }
  }

  /**
   * A webhook subscription, with one delivered and one failed delivery of the first two call
   * events.
   */
  private void deliveries(String ws) {
    ObjectNode sub =
        webhooks.createSubscriptionAt(
            ws,
            "https://example.com/webhooks/kaicalls",
            Json.array(List.of("*")),
            "Demo endpoint",
            true,
            "whsec_ZGVtby13ZWJob29rLXNlY3JldC1mb3Ita2FpY2FsbHM=",
            at(-2000));
    List<ObjectNode> events =
        store
            .list(
                ws,
                Collections.EVENT,
                ListQuery.all(e -> e.path(Fields.TYPE).asText().startsWith("call.")))
            .data();
    for (int i = 0; i < Math.min(2, events.size()); i++) {
      ObjectNode event = events.get(i);
      Instant t = Json.instant(event.get(Fields.CREATED_AT)).plusSeconds(1);
      boolean ok = i == 0;
      ObjectNode headers =
          Json.object()
              .put("content-type", "application/json")
              .put("webhook-id", event.get(Fields.ID).asText())
              .put("webhook-timestamp", Long.toString(t.getEpochSecond()))
              .put("webhook-signature", "v1,(redacted)");
      ObjectNode attempt = Json.object().put(Fields.ATTEMPT, 1);
      attempt.set(Fields.REQUEST_HEADERS, headers);
      if (ok) {
        attempt.put(Fields.RESPONSE_STATUS, 200);
        attempt.set(
            Fields.RESPONSE_HEADERS,
            Json.object().put("content-length", "2").put("content-type", "text/plain"));
        attempt.put(Fields.RESPONSE_BODY, "ok");
        attempt.putNull(Fields.ERROR);
      } else {
        attempt.putNull(Fields.RESPONSE_STATUS);
        attempt.putNull(Fields.RESPONSE_HEADERS);
        attempt.putNull(Fields.RESPONSE_BODY);
        attempt.put(Fields.ERROR, "timeout");
      }
      attempt.put(Fields.DURATION_MS, ok ? 84 : 10000);
      attempt.put(Fields.ATTEMPTED_AT, Json.time(t));
      ArrayNode attempts = Json.array();
      attempts.add(attempt);
      seed.save(
          ws,
          Collections.EVENT_DELIVERY,
          EventDeliveryDocument.of(seed.id(EventDeliveryDocument.ID_PREFIX), t)
              .event(event)
              .subscription(sub)
              .trigger("live")
              .status(ok ? "succeeded" : "failed")
              .attempt(1)
              .attempts(attempts)
              .build());
    }
  }

  /** The isolation workspace: a plumber's receptionist, one lead and their call. */
  public void seedOther(String ws) {
    String agent = seed.id(AgentDocument.ID_PREFIX);
    seed.save(
        ws,
        Collections.AGENT,
        AgentDocument.of(agent, at(-30000))
            .name("Reception")
            .description("Other workspace's receptionist.")
            .voice("aria")
            .language(LANGUAGE)
            .currentConfigVersion(1)
            .status("active")
            .updatedAt(at(-30000))
            .build());
    seed.save(
        ws,
        Collections.AGENT_CONFIG_VERSION,
        AgentConfigVersionDocument.of(seed.id(AgentConfigVersionDocument.ID_PREFIX), at(-30000))
            .agentId(agent)
            .version(1)
            .prompt("Answer calls for Northside Plumbing.")
            .greeting("Northside Plumbing, how can I help?")
            .voice("aria")
            .language(LANGUAGE)
            .model("kai-voice-2")
            .qualificationQuestions(List.of())
            .tools(List.of())
            .build());
    String lead = seed.id(LeadDocument.ID_PREFIX);
    String caller = "+16175550142";
    seed.save(
        ws,
        Collections.LEAD,
        LeadDocument.of(lead, at(-800))
            .firstName("Ava")
            .lastName("Brown")
            .phone(caller)
            .status("new")
            .qualified(false)
            .source("inbound_call")
            .updatedAt(at(-800))
            .build(),
        "lead.created",
        at(-800));
    seed.save(
        ws,
        Collections.CALL,
        CallDocument.of(seed.id(CallDocument.ID_PREFIX), at(-800))
            .direction("inbound")
            .status("completed")
            .from(caller)
            .to("+16175550100")
            .leadId(lead)
            .agentId(agent)
            .agentConfigVersion(1)
            .startedAt(at(-800))
            .answeredAt(at(-800))
            .endedAt(at(-798))
            .durationSeconds(120)
            .summary("Leaking water heater; wants a visit.")
            .outcome("answered")
            .build(),
        "call.completed",
        at(-798));
  }

  /** The demo email address of a person called {@code firstName}. */
  static String email(String firstName) {
    return firstName.toLowerCase(Locale.ROOT) + "@example.com";
  }
}
