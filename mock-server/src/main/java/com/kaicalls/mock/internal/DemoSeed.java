package com.kaicalls.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code demo} seed: a dental practice's workspace with agents (several config versions),
 * leads, calls with WAV recordings, SMS conversations, a finished outbound run with its jobs and
 * attempts, a webhook subscription, deliveries and the events of all that; plus a second
 * workspace for isolation. Fixed timestamps and a seeded id generator make it identical each time.
 */
final class DemoSeed {

  static final Instant T0 = Instant.parse("2026-11-02T15:00:00Z");

  private final Store store;
  private final Ledger ledger;
  private final Ids ids;
  private final RecordingAudio recordings;
  private final WebhookHandlers webhooks;

  DemoSeed(Store store, Ledger ledger, Ids ids, RecordingAudio recordings, WebhookHandlers webhooks) {
    this.store = store;
    this.ledger = ledger;
    this.ids = ids;
    this.recordings = recordings;
    this.webhooks = webhooks;
  }

  private static Instant at(int minutes) {
    return T0.plusSeconds(minutes * 60L);
  }

  /** A document with id, object and created_at, then field/value pairs. */
  private static ObjectNode doc(String id, String object, Instant created, Object... fields) {
    ObjectNode d = Json.object();
    d.put("id", id);
    d.put("object", object);
    for (int i = 0; i < fields.length; i += 2) {
      put(d, (String) fields[i], fields[i + 1]);
    }
    d.put("created_at", Json.time(created));
    return d;
  }

  private static void put(ObjectNode d, String field, Object value) {
    if (value == null) {
      d.putNull(field);
    } else if (value instanceof String s) {
      d.put(field, s);
    } else if (value instanceof Integer n) {
      d.put(field, n);
    } else if (value instanceof Long n) {
      d.put(field, n);
    } else if (value instanceof Boolean b) {
      d.put(field, b);
    } else if (value instanceof Instant t) {
      d.put(field, Json.time(t));
    } else if (value instanceof JsonNode n) {
      d.set(field, n);
    } else if (value instanceof List<?> list) {
      ArrayNode a = d.putArray(field);
      list.forEach(v -> a.add(String.valueOf(v)));
    } else {
      throw new IllegalArgumentException(field);
    }
  }

  private ObjectNode save(String ws, String type, ObjectNode d, String eventType, Instant eventAt) {
    store.put(ws, type, d);
    if (eventType != null) {
      ledger.append(ws, eventType, d, eventAt);
    }
    return d;
  }

  void seedDemo(String ws) {
    // Agents and their config versions.
    String front = ids.next("agent_");
    String outbound = ids.next("agent_");
    save(ws, "agent", doc(front, "agent", at(-43200), "name", "Front Desk", "description",
        "Answers inbound calls, qualifies new patients and books cleanings.", "voice", "aria",
        "language", "en-US", "current_config_version", 3, "status", "active", "updated_at", at(-1440)), null, null);
    save(ws, "agent", doc(outbound, "agent", at(-40000), "name", "Recall Reminders", "description",
        "Calls and texts patients who are due for a check-up.", "voice", "miles", "language", "en-US",
        "current_config_version", 2, "status", "active", "updated_at", at(-2880)), null, null);
    String[] greetings = {"Thanks for calling Bright Smile Dental!",
        "Thanks for calling Bright Smile Dental, this is Aria. How can I help?",
        "Hi, you've reached Bright Smile Dental. This is Aria, how can I help you today?"};
    for (int v = 1; v <= 3; v++) {
      save(ws, "agent_config_version", doc(ids.next("acv_"), "agent_config_version", at(-43200 + v * 10000),
          "agent_id", front, "version", v, "prompt", "You are the front desk of Bright Smile Dental. Be warm and brief.",
          "greeting", greetings[v - 1], "voice", "aria", "language", "en-US", "model", v < 3 ? "kai-voice-1" : "kai-voice-2",
          "qualification_questions", List.of("Are you a new patient?", "Do you have dental insurance?"),
          "tools", v == 1 ? List.of("book_appointment") : List.of("book_appointment", "transfer_call"),
          "created_by", v == 1 ? null : "owner@brightsmile.example"), null, null);
    }
    for (int v = 1; v <= 2; v++) {
      save(ws, "agent_config_version", doc(ids.next("acv_"), "agent_config_version", at(-40000 + v * 10000),
          "agent_id", outbound, "version", v, "prompt", "Remind {{first_name}} that a check-up is due and offer times.",
          "greeting", "Hi {{first_name}}, this is Miles from Bright Smile Dental.", "voice", "miles", "language", "en-US",
          "model", "kai-voice-2", "qualification_questions", List.of("Would you like to book a check-up?"),
          "tools", List.of("book_appointment"), "created_by", null), null, null);
    }

    // A finished outbound run with three recipients.
    String run = ids.next("run_");
    ObjectNode counts = Json.object().put("pending", 0).put("in_progress", 0).put("succeeded", 2).put("failed", 1).put("skipped", 0);
    ObjectNode schedule = Json.object().put("start_at", Json.time(at(-1500))).put("timezone", "America/Los_Angeles");
    schedule.set("quiet_hours", Json.object().put("start", "20:00").put("end", "09:00"));
    ObjectNode runDoc = doc(run, "communication_run", at(-1560), "name", "November check-up recall",
        "agent_id", outbound, "channel", "voice", "message", null, "status", "completed", "schedule", schedule,
        "max_attempts", 2, "metadata", Json.object().put("campaign", "recall-2026-11"), "recipients_count", 3,
        "counts", counts, "updated_at", at(-1300), "started_at", at(-1500), "completed_at", at(-1300), "cancelled_at", null);
    ObjectNode created = runDoc.deepCopy().put("status", "scheduled").put("started_at", (String) null).put("completed_at", (String) null);
    created.set("counts", Json.object().put("pending", 3).put("in_progress", 0).put("succeeded", 0).put("failed", 0).put("skipped", 0));
    created.putNull("started_at");
    created.putNull("completed_at");
    ledger.append(ws, "communication_run.created", created, at(-1560));

    String[][] people = {{"Maria", "Garcia", "+14155550100"}, {"James", "Chen", "+14155550101"}, {"Priya", "Patel", "+14155550102"}};
    String[] outcomes = {"answered", "voicemail", "no_answer"};
    String[] callStatus = {"completed", "voicemail", "no_answer"};
    String[] leadIds = new String[5];
    for (int i = 0; i < 3; i++) {
      Instant start = at(-1500 + i * 10);
      String lead = ids.next("lead_");
      leadIds[i] = lead;
      String job = ids.next("job_");
      String attempt = ids.next("att_");
      String call = ids.next("call_");
      String recording = i < 2 ? ids.next("rec_") : null;
      ObjectNode recipient = Json.object().put("phone", people[i][2]).put("first_name", people[i][0]);
      recipient.putNull("email");
      recipient.put("lead_id", lead);
      recipient.set("variables", Json.object().put("last_visit", "May 2026"));
      ObjectNode appointment = null;
      if (i == 0) {
        appointment = doc(ids.next("appt_"), "appointment", start.plusSeconds(240), "lead_id", lead, "call_id", call,
            "starts_at", Instant.parse("2026-11-10T17:30:00Z"), "ends_at", Instant.parse("2026-11-10T18:15:00Z"),
            "notes", "Cleaning and check-up; prefers afternoons.");
      }
      ObjectNode leadDoc = doc(lead, "lead", at(-1700 + i), "first_name", people[i][0], "last_name", people[i][1],
          "phone", people[i][2], "email", people[i][0].toLowerCase(java.util.Locale.ROOT) + "@example.com",
          "status", i == 0 ? "booked" : "contacted", "qualified", i == 0,
          "qualification_notes", i == 0 ? "Existing patient, due for cleaning, has insurance." : null,
          "source", "manual", "run_id", run, "appointment", appointment, "updated_at", start.plusSeconds(300));
      save(ws, "lead", leadDoc, "lead.created", at(-1700 + i));
      ObjectNode callDoc = doc(call, "call", start, "direction", "outbound", "status", callStatus[i],
          "from", "+14155550199", "to", people[i][2], "lead_id", lead, "run_id", run, "job_id", job, "attempt_id", attempt,
          "agent_id", outbound, "agent_config_version", 2, "started_at", start, "answered_at", i == 2 ? null : start.plusSeconds(6),
          "ended_at", start.plusSeconds(i == 0 ? 245 : i == 1 ? 40 : 30), "duration_seconds", i == 0 ? 245 : i == 1 ? 40 : 30,
          "recording_id", recording,
          "summary", i == 0 ? "Maria booked a cleaning for Nov 10 at 9:30." : i == 1 ? "Left a voicemail about the check-up." : null,
          "outcome", i == 0 ? "appointment_booked" : outcomes[i]);
      ledger.append(ws, "call.started", callDoc.deepCopy().put("status", "in_progress"), start);
      save(ws, "call", callDoc, i == 1 ? "voicemail.received" : "call.completed", start.plusSeconds(250));
      if (recording != null) {
        byte[] wav = Wav.tone(i == 0 ? 440 : 660, 1000);
        ObjectNode recordingDoc = save(ws, "recording", doc(recording, "recording", start.plusSeconds(260), "call_id", call, "duration_seconds", 1,
            "content_type", "audio/wav", "size_bytes", wav.length, "kind", i == 0 ? "call" : "voicemail",
            "transcript", i == 0 ? "Agent: Hi Maria, this is Miles from Bright Smile Dental... Maria: Tuesday afternoon works."
                : "Hi James, this is Miles from Bright Smile Dental. Please call us back to book your check-up."),
            "recording.ready", start.plusSeconds(260));
        recordings.put(ws, recordingDoc, wav);
      }
      if (appointment != null) {
        store.put(ws, "appointment", appointment);
        ledger.append(ws, "appointment.booked", appointment, start.plusSeconds(240));
        ledger.append(ws, "lead.qualified", leadDoc, start.plusSeconds(241));
      }
      save(ws, "attempt", doc(attempt, "attempt", start, "job_id", job, "run_id", run, "number", 1, "channel", "voice",
          "status", i == 2 ? "failed" : "succeeded", "outcome", outcomes[i], "call_id", call, "sms_message_id", null,
          "agent_id", outbound, "agent_config_version", 2, "started_at", start, "ended_at", start.plusSeconds(245)), null, null);
      ObjectNode jobDoc = doc(job, "job", at(-1560), "run_id", run, "recipient_index", i, "recipient", recipient,
          "channel", "voice", "status", i == 2 ? "failed" : "succeeded", "attempts_count", 1, "max_attempts", 2,
          "outcome", outcomes[i], "skip_reason", null, "next_attempt_at", null, "updated_at", start.plusSeconds(250),
          "completed_at", start.plusSeconds(250));
      save(ws, "job", jobDoc, "job.completed", start.plusSeconds(250));
    }
    save(ws, "communication_run", runDoc, "communication_run.completed", at(-1300));

    // Inbound: a new caller, then an SMS conversation.
    String lead4 = ids.next("lead_");
    leadIds[3] = lead4;
    Instant inbound = at(-600);
    String inboundCall = ids.next("call_");
    ObjectNode lead4Doc = doc(lead4, "lead", inbound, "first_name", "Olivia", "last_name", null, "phone", "+13125550177",
        "email", null, "status", "new", "qualified", false, "qualification_notes", null, "source", "inbound_call",
        "run_id", null, "appointment", null, "updated_at", inbound);
    save(ws, "lead", lead4Doc, "lead.created", inbound);
    save(ws, "call", doc(inboundCall, "call", inbound, "direction", "inbound", "status", "completed", "from", "+13125550177",
        "to", "+14155550199", "lead_id", lead4, "run_id", null, "job_id", null, "attempt_id", null, "agent_id", front,
        "agent_config_version", 3, "started_at", inbound, "answered_at", inbound.plusSeconds(2), "ended_at", inbound.plusSeconds(95),
        "duration_seconds", 95, "recording_id", null, "summary", "Asked about Saturday hours and pricing for whitening.",
        "outcome", "answered"), "call.completed", inbound.plusSeconds(95));
    String conv = ids.next("conv_");
    String lead5 = ids.next("lead_");
    leadIds[4] = lead5;
    save(ws, "lead", doc(lead5, "lead", at(-500), "first_name", "Noah", "last_name", "Kim", "phone", "+12125550113",
        "email", null, "status", "qualified", "qualified", true, "qualification_notes", "Wants an evening appointment.",
        "source", "sms", "run_id", null, "appointment", null, "updated_at", at(-440)), "lead.created", at(-500));
    String[][] sms = {{"outbound", "delivered", "Hi Noah, Bright Smile Dental here: you're due for a check-up. Reply to book!"},
        {"inbound", "received", "Yes please, any evenings next week?"},
        {"outbound", "delivered", "We have Tue 6:00pm or Thu 6:30pm. Which works?"}};
    Instant last = null;
    for (int i = 0; i < sms.length; i++) {
      Instant t = at(-480 + i * 5);
      last = t;
      String smsId = ids.next("sms_");
      boolean out = sms[i][0].equals("outbound");
      ObjectNode smsDoc = doc(smsId, "sms_message", t, "direction", sms[i][0], "status", sms[i][1],
          "from", out ? "+14155550199" : "+12125550113", "to", out ? "+12125550113" : "+14155550199", "body", sms[i][2],
          "conversation_id", conv, "lead_id", lead5, "run_id", null, "job_id", null, "attempt_id", null, "error_code", null,
          "delivered_at", out ? t.plusSeconds(3) : null);
      if (out) {
        ledger.append(ws, "sms.sent", smsDoc.deepCopy().put("status", "sent").putNull("delivered_at"), t);
      }
      save(ws, "sms_message", smsDoc, out ? "sms.delivered" : "sms.received", t.plusSeconds(3));
      save(ws, "conversation_message", doc(ids.next("msg_"), "conversation_message", t, "conversation_id", conv,
          "direction", sms[i][0], "body", sms[i][2], "sms_message_id", smsId, "call_id", null), null, null);
    }
    save(ws, "conversation", doc(conv, "conversation", at(-480), "channel", "sms", "participant", "+12125550113",
        "lead_id", lead5, "message_count", sms.length, "last_message_at", last), null, null);
    String failedSms = ids.next("sms_");
    String conv2 = ids.next("conv_");
    Instant tf = at(-300);
    ObjectNode failedDoc = doc(failedSms, "sms_message", tf, "direction", "outbound", "status", "failed", "from", "+14155550199",
        "to", "+14155550111", "body", "Reminder: your appointment is tomorrow at 10am.", "conversation_id", conv2,
        "lead_id", null, "run_id", null, "job_id", null, "attempt_id", null, "error_code", "carrier_error", "delivered_at", null);
    save(ws, "sms_message", failedDoc, "sms.failed", tf.plusSeconds(2));
    save(ws, "conversation_message", doc(ids.next("msg_"), "conversation_message", tf, "conversation_id", conv2,
        "direction", "outbound", "body", failedDoc.get("body").asText(), "sms_message_id", failedSms, "call_id", null), null, null);
    save(ws, "conversation", doc(conv2, "conversation", tf, "channel", "sms", "participant", "+14155550111", "lead_id", null,
        "message_count", 1, "last_message_at", tf), null, null);
    String voiceConv = ids.next("conv_");
    save(ws, "conversation_message", doc(ids.next("msg_"), "conversation_message", inbound, "conversation_id", voiceConv,
        "direction", "inbound", "body", "Asked about Saturday hours and pricing for whitening.", "sms_message_id", null,
        "call_id", inboundCall), null, null);
    save(ws, "conversation", doc(voiceConv, "conversation", inbound, "channel", "voice", "participant", "+13125550177",
        "lead_id", lead4, "message_count", 1, "last_message_at", inbound), null, null);

    // A webhook subscription with one delivered and one failed delivery.
    ObjectNode sub = webhooks.createSubscriptionAt(ws, "https://example.com/webhooks/kaicalls", Json.array(List.of("*")),
        "Demo endpoint", true, "whsec_ZGVtby13ZWJob29rLXNlY3JldC1mb3Ita2FpY2FsbHM=", at(-2000));
    List<ObjectNode> events = store.list(ws, "event", ListQuery.all(e -> e.path("type").asText().startsWith("call."))).data();
    for (int i = 0; i < Math.min(2, events.size()); i++) {
      ObjectNode event = events.get(i);
      Instant t = Json.instant(event.get("created_at")).plusSeconds(1);
      boolean ok = i == 0;
      ObjectNode headers = Json.object().put("content-type", "application/json").put("webhook-id", event.get("id").asText())
          .put("webhook-timestamp", Long.toString(t.getEpochSecond())).put("webhook-signature", "v1,(redacted)");
      ObjectNode attempt = Json.object().put("attempt", 1);
      attempt.set("request_headers", headers);
      put(attempt, "response_status", ok ? 200 : null);
      attempt.set("response_headers", ok ? Json.object().put("content-length", "2").put("content-type", "text/plain")
          : Json.MAPPER.nullNode());
      put(attempt, "response_body", ok ? "ok" : null);
      put(attempt, "error", ok ? null : "timeout");
      attempt.put("duration_ms", ok ? 84 : 10000);
      attempt.put("attempted_at", Json.time(t));
      ArrayNode attempts = Json.array();
      attempts.add(attempt);
      store.put(ws, "event_delivery", doc(ids.next("dlv_"), "event_delivery", t, "event_id", event.get("id").asText(),
          "event_type", event.get("type").asText(), "subscription_id", sub.get("id").asText(), "url", sub.get("url").asText(),
          "trigger", "live", "backfill_id", null, "status", ok ? "succeeded" : "failed", "attempt", 1, "next_attempt_at", null,
          "request_headers", headers.deepCopy(), "response_status", ok ? 200 : null, "response_body", ok ? "ok" : null,
          "error", ok ? null : "timeout", "duration_ms", ok ? 84 : 10000, "last_attempt_at", t, "attempts", attempts));
    }
  }

  void seedOther(String ws) {
    String agent = ids.next("agent_");
    save(ws, "agent", doc(agent, "agent", at(-30000), "name", "Reception", "description", "Other workspace's receptionist.",
        "voice", "aria", "language", "en-US", "current_config_version", 1, "status", "active", "updated_at", at(-30000)), null, null);
    save(ws, "agent_config_version", doc(ids.next("acv_"), "agent_config_version", at(-30000), "agent_id", agent, "version", 1,
        "prompt", "Answer calls for Northside Plumbing.", "greeting", "Northside Plumbing, how can I help?", "voice", "aria",
        "language", "en-US", "model", "kai-voice-2", "qualification_questions", List.of(), "tools", List.of(), "created_by", null), null, null);
    String lead = ids.next("lead_");
    save(ws, "lead", doc(lead, "lead", at(-800), "first_name", "Ava", "last_name", "Brown", "phone", "+16175550142",
        "email", null, "status", "new", "qualified", false, "qualification_notes", null, "source", "inbound_call",
        "run_id", null, "appointment", null, "updated_at", at(-800)), "lead.created", at(-800));
    save(ws, "call", doc(ids.next("call_"), "call", at(-800), "direction", "inbound", "status", "completed",
        "from", "+16175550142", "to", "+16175550100", "lead_id", lead, "run_id", null, "job_id", null, "attempt_id", null,
        "agent_id", agent, "agent_config_version", 1, "started_at", at(-800), "answered_at", at(-800), "ended_at", at(-798),
        "duration_seconds", 120, "recording_id", null, "summary", "Leaking water heater; wants a visit.", "outcome", "answered"),
        "call.completed", at(-798));
  }
}
