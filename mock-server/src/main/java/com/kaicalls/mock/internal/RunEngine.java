package com.kaicalls.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Executes communication runs over virtual time: each pending job is attempted when due (after
 * {@code start_at}, outside the recipient's quiet hours, while the run is not paused); an attempt
 * places a call or sends a message, whose outcome the {@link TestNumbers} decide, and ends a little
 * later (calls 5 s to 2 min, SMS 3 s); unanswered and busy calls and failed SMS are retried after
 * {@link #RETRY_DELAY} up to {@code max_attempts}. Keeps the run's counts in step with its jobs and
 * completes the run when no job is left.
 */
final class RunEngine {

  static final Duration RETRY_DELAY = Duration.ofMinutes(10);
  static final String WORKSPACE_NUMBER = "+14155550199";
  private static final String ATTEMPT = "job.attempt";
  private static final String FINISH = "job.finish";
  private static final String REPLY = "sms.reply";
  private static final String RUN_FINISH = "run.finish";

  private final Store store;
  private final Ledger ledger;
  private final Ids ids;
  private final Clock clock;
  private final Scheduler scheduler;
  private final RecordingAudio audio;
  /** workspace + phone → SMS conversation id, filled lazily from the store. */
  private final Map<String, Map<String, String>> conversations = new ConcurrentHashMap<>();

  RunEngine(Store store, Ledger ledger, Ids ids, Clock clock, Scheduler scheduler, RecordingAudio audio) {
    this.store = store;
    this.ledger = ledger;
    this.ids = ids;
    this.clock = clock;
    this.scheduler = scheduler;
    this.audio = audio;
    scheduler.register(ATTEMPT, (ws, t) -> attempt(ws, t.get("job_id").asText()));
    scheduler.register(FINISH, this::finish);
    scheduler.register(REPLY, this::reply);
    scheduler.register(RUN_FINISH, (ws, t) -> {
      ObjectNode run = store.get(ws, RunHandlers.TYPE, t.get("run_id").asText());
      if (run != null) {
        completeIfDone(ws, run.deepCopy());
      }
    });
  }

  void clear() {
    conversations.clear();
  }

  /** When a new job is first attempted: at {@code start_at}, pushed past quiet hours. */
  Instant firstAttemptAt(JsonNode run, JsonNode recipient, Instant startAt) {
    return SendTimes.nextAllowed(startAt, run, Json.text(recipient, "phone"));
  }

  /** After create: plans every pending job (and the end of a run with nothing to do). */
  void created(String ws, ObjectNode run, Iterable<ObjectNode> jobs) {
    boolean any = false;
    for (ObjectNode job : jobs) {
      if (job.get("status").asText().equals("pending")) {
        plan(ws, job, Instant.parse(job.get("next_attempt_at").asText()));
        any = true;
      } else {
        ledger.append(ws, "job.completed", job);
      }
    }
    if (!any) {
      Instant startAt = Instant.parse(run.path("schedule").path("start_at").asText(run.get("created_at").asText()));
      scheduler.schedule(ws, "run:" + run.get("id").asText(), RUN_FINISH, startAt,
          Json.object().put("run_id", run.get("id").asText()));
    }
  }

  /** After resume: pending jobs are due again (at once if their time passed while paused). */
  void resumed(String ws, ObjectNode run) {
    Instant now = clock.instant();
    String runId = run.get("id").asText();
    boolean any = false;
    for (ObjectNode job : store.list(ws, "job", ListQuery.all(j -> runId.equals(j.path("run_id").asText()))).data()) {
      String status = job.get("status").asText();
      any |= status.equals("pending") || status.equals("in_progress");
      if (status.equals("pending")) {
        Instant due = Instant.parse(job.get("next_attempt_at").asText());
        plan(ws, job, due.isBefore(now) ? now : due);
      }
    }
    if (!any) {
      completeIfDone(ws, store.get(ws, RunHandlers.TYPE, runId).deepCopy());
    }
  }

  /** Drops the plan of a job that was cancelled. */
  void cancelled(String ws, String jobId) {
    scheduler.cancel(ws, "job:" + jobId);
  }

  private void plan(String ws, ObjectNode job, Instant due) {
    scheduler.schedule(ws, "job:" + job.get("id").asText(), ATTEMPT, due, Json.object().put("job_id", job.get("id").asText()));
  }

  // --- an attempt starts ---------------------------------------------------------------------

  private void attempt(String ws, String jobId) {
    ObjectNode stored = store.get(ws, "job", jobId);
    if (stored == null || !stored.get("status").asText().equals("pending")) {
      return;
    }
    ObjectNode run = store.get(ws, RunHandlers.TYPE, stored.get("run_id").asText()).deepCopy();
    String runStatus = run.get("status").asText();
    if (!runStatus.equals("scheduled") && !runStatus.equals("running")) {
      return; // paused: resume plans it again; cancelled/completed: nothing to do
    }
    Instant now = clock.instant();
    JsonNode recipient = stored.get("recipient");
    String phone = Json.text(recipient, "phone");
    Instant allowed = SendTimes.nextAllowed(now, run, phone);
    ObjectNode job = stored.deepCopy();
    if (allowed.isAfter(now)) {
      job.put("next_attempt_at", Json.time(allowed));
      store.put(ws, "job", job);
      plan(ws, job, allowed);
      return;
    }
    if (runStatus.equals("scheduled")) {
      run.put("status", "running");
      run.put("started_at", Json.time(now));
    }
    int number = job.get("attempts_count").asInt() + 1;
    String channel = job.get("channel").asText();
    TestNumbers behaviour = channel.equals("email") ? TestNumbers.ANSWERS : TestNumbers.of(phone);
    ObjectNode attempt = attempt(ws, job, run, number, now);
    job.put("attempts_count", number);
    job.putNull("next_attempt_at");
    job.put("updated_at", Json.time(now));
    if (behaviour == TestNumbers.INVALID && !channel.equals("email")) {
      attempt.put("status", "failed").put("outcome", "invalid_number").put("ended_at", Json.time(now));
      store.put(ws, "attempt", attempt);
      move(run, "pending", "failed");
      end(ws, job, run, "failed", "invalid_number", now);
      return;
    }
    if (channel.equals("email")) {
      attempt.put("status", "succeeded").put("outcome", "delivered").put("ended_at", Json.time(now));
      store.put(ws, "attempt", attempt);
      move(run, "pending", "succeeded");
      end(ws, job, run, "succeeded", "delivered", now);
      return;
    }
    ObjectNode timer = Json.object().put("job_id", jobId).put("attempt_id", attempt.get("id").asText())
        .put("number", number).put("started_at", Json.time(now));
    Duration duration;
    if (channel.equals("voice")) {
      ObjectNode call = call(job, attempt, behaviour, now);
      ledger.save(ws, "call", call, "call.started");
      timer.put("call_id", call.get("id").asText());
      duration = switch (behaviour) {
        case VOICEMAIL -> Duration.ofSeconds(40);
        case NO_ANSWER -> Duration.ofSeconds(30);
        case BUSY -> Duration.ofSeconds(5);
        default -> Duration.ofMinutes(2);
      };
    } else {
      ObjectNode sms = sms(ws, job, run, attempt, now);
      ledger.save(ws, "sms_message", sms, "sms.sent");
      timer.put("sms_id", sms.get("id").asText());
      duration = Duration.ofSeconds(3);
    }
    job.put("status", "in_progress");
    store.put(ws, "job", job);
    move(run, "pending", "in_progress");
    run.put("updated_at", Json.time(now));
    store.put(ws, RunHandlers.TYPE, run);
    scheduler.schedule(ws, "finish:" + jobId, FINISH, now.plus(duration), timer);
  }

  private ObjectNode attempt(String ws, ObjectNode job, JsonNode run, int number, Instant now) {
    ObjectNode attempt = Json.object();
    attempt.put("id", ids.next("att_"));
    attempt.put("object", "attempt");
    attempt.put("job_id", job.get("id").asText());
    attempt.put("run_id", job.get("run_id").asText());
    attempt.put("number", number);
    attempt.put("channel", job.get("channel").asText());
    attempt.put("status", "in_progress");
    attempt.putNull("outcome");
    attempt.putNull("call_id");
    attempt.putNull("sms_message_id");
    attempt.put("agent_id", run.get("agent_id").asText());
    ObjectNode agent = store.get(ws, "agent", run.get("agent_id").asText());
    if (agent == null) {
      attempt.putNull("agent_config_version");
    } else {
      attempt.put("agent_config_version", agent.path("current_config_version").asInt(1));
    }
    attempt.put("started_at", Json.time(now));
    attempt.putNull("ended_at");
    attempt.put("created_at", Json.time(now));
    return attempt;
  }

  private ObjectNode call(ObjectNode job, ObjectNode attempt, TestNumbers behaviour, Instant now) {
    ObjectNode call = Json.object();
    call.put("id", ids.next("call_"));
    call.put("object", "call");
    call.put("direction", "outbound");
    call.put("status", behaviour == TestNumbers.NO_ANSWER || behaviour == TestNumbers.BUSY ? "ringing" : "in_progress");
    call.put("from", WORKSPACE_NUMBER);
    call.put("to", Json.text(job.get("recipient"), "phone"));
    RunHandlers.putNullable(call, "lead_id", Json.text(job.get("recipient"), "lead_id"));
    call.put("run_id", job.get("run_id").asText());
    call.put("job_id", job.get("id").asText());
    call.put("attempt_id", attempt.get("id").asText());
    call.put("agent_id", attempt.get("agent_id").asText());
    call.put("agent_config_version", attempt.path("agent_config_version").asInt(1));
    call.put("started_at", Json.time(now));
    call.putNull("answered_at");
    call.putNull("ended_at");
    call.put("duration_seconds", 0);
    call.putNull("recording_id");
    call.putNull("summary");
    call.putNull("outcome");
    call.put("created_at", Json.time(now));
    return call;
  }

  private ObjectNode sms(String ws, ObjectNode job, JsonNode run, ObjectNode attempt, Instant now) {
    JsonNode recipient = job.get("recipient");
    String phone = Json.text(recipient, "phone");
    String body = RunRules.render(Json.text(run, "message"), recipient);
    ObjectNode sms = Json.object();
    sms.put("id", ids.next("sms_"));
    sms.put("object", "sms_message");
    sms.put("direction", "outbound");
    sms.put("status", "sent");
    sms.put("from", WORKSPACE_NUMBER);
    sms.put("to", phone);
    sms.put("body", body);
    String lead = Json.text(recipient, "lead_id");
    sms.put("conversation_id", converse(ws, phone, lead, "outbound", body, sms.get("id").asText(), now));
    RunHandlers.putNullable(sms, "lead_id", lead);
    sms.put("run_id", job.get("run_id").asText());
    sms.put("job_id", job.get("id").asText());
    sms.put("attempt_id", attempt.get("id").asText());
    sms.putNull("error_code");
    sms.put("created_at", Json.time(now));
    sms.putNull("delivered_at");
    return sms;
  }

  /** Adds a message to the SMS conversation with {@code phone} (created if needed); returns its id. */
  private String converse(String ws, String phone, String leadId, String direction, String body, String smsId, Instant now) {
    Map<String, String> index = conversations.computeIfAbsent(ws, w -> {
      Map<String, String> byPhone = new ConcurrentHashMap<>();
      for (ObjectNode c : store.all(w, "conversation")) {
        if ("sms".equals(c.path("channel").asText())) {
          byPhone.putIfAbsent(c.path("participant").asText(), c.get("id").asText());
        }
      }
      return byPhone;
    });
    String id = index.get(phone);
    ObjectNode conversation = id == null ? null : store.get(ws, "conversation", id);
    if (conversation == null) {
      id = ids.next("conv_");
      conversation = Json.object();
      conversation.put("id", id);
      conversation.put("object", "conversation");
      conversation.put("channel", "sms");
      conversation.put("participant", phone);
      RunHandlers.putNullable(conversation, "lead_id", leadId);
      conversation.put("message_count", 0);
      conversation.put("created_at", Json.time(now));
      index.put(phone, id);
    } else {
      conversation = conversation.deepCopy();
    }
    conversation.put("message_count", conversation.get("message_count").asInt() + 1);
    conversation.put("last_message_at", Json.time(now));
    store.put(ws, "conversation", conversation);
    ObjectNode message = Json.object();
    message.put("id", ids.next("msg_"));
    message.put("object", "conversation_message");
    message.put("conversation_id", id);
    message.put("direction", direction);
    message.put("body", body);
    message.put("sms_message_id", smsId);
    message.putNull("call_id");
    message.put("created_at", Json.time(now));
    store.put(ws, "conversation_message", message);
    return id;
  }

  // --- an attempt ends -------------------------------------------------------------------------

  private void finish(String ws, ObjectNode timer) {
    ObjectNode job = store.get(ws, "job", timer.get("job_id").asText());
    if (job == null || !job.get("status").asText().equals("in_progress")) {
      return;
    }
    job = job.deepCopy();
    ObjectNode run = store.get(ws, RunHandlers.TYPE, job.get("run_id").asText()).deepCopy();
    Instant now = clock.instant();
    Instant started = Instant.parse(timer.get("started_at").asText());
    String phone = Json.text(job.get("recipient"), "phone");
    TestNumbers behaviour = TestNumbers.of(phone);
    ObjectNode attempt = attempt(ws, job, run, timer.get("number").asInt(), started);
    attempt.put("id", timer.get("attempt_id").asText());
    attempt.put("ended_at", Json.time(now));
    String outcome;
    boolean reached;
    if (timer.has("call_id")) {
      attempt.put("call_id", timer.get("call_id").asText());
      ObjectNode call = store.get(ws, "call", timer.get("call_id").asText()).deepCopy();
      call.put("ended_at", Json.time(now));
      switch (behaviour) {
        case NO_ANSWER, BUSY -> {
          outcome = behaviour == TestNumbers.NO_ANSWER ? "no_answer" : "busy";
          reached = false;
          call.put("status", outcome).put("outcome", outcome);
          ledger.save(ws, "call", call, "call.completed");
        }
        case VOICEMAIL -> {
          outcome = "voicemail";
          reached = true;
          ObjectNode recording = recording(ws, call, "voicemail", now, 660,
              "Hi " + first(job) + ", this is your reminder from Bright Smile Dental. Please call us back.");
          call.put("status", "voicemail").put("outcome", "voicemail").put("recording_id", recording.get("id").asText());
          call.put("summary", "Left a voicemail.");
          ledger.save(ws, "call", call, "voicemail.received");
          ledger.save(ws, "recording", recording, "recording.ready");
        }
        default -> {
          outcome = "answered";
          reached = true;
          boolean books = behaviour == TestNumbers.ANSWERS_AND_BOOKS;
          Instant answered = started.plusSeconds(5);
          ObjectNode recording = recording(ws, call, "call", now, 440,
              "Agent: Hi " + first(job) + ", this is Bright Smile Dental. " + (books ? "Contact: Tuesday afternoon works." : "Contact: Thanks, not right now."));
          ObjectNode lead = lead(ws, job, run, now);
          call.put("lead_id", lead.get("id").asText());
          call.put("status", "completed").put("answered_at", Json.time(answered));
          call.put("duration_seconds", Duration.between(answered, now).toSeconds());
          call.put("recording_id", recording.get("id").asText());
          call.put("summary", books ? first(job) + " qualified and booked an appointment." : "Talked with " + first(job) + ".");
          call.put("outcome", books ? "appointment_booked" : "answered");
          ledger.save(ws, "call", call, "call.completed");
          ledger.save(ws, "recording", recording, "recording.ready");
          if (store.get(ws, "lead", lead.get("id").asText()) == null) {
            ledger.save(ws, "lead", lead, "lead.created");
          }
          if (books) {
            book(ws, lead, call, now);
          }
        }
      }
    } else {
      attempt.put("sms_message_id", timer.get("sms_id").asText());
      ObjectNode sms = store.get(ws, "sms_message", timer.get("sms_id").asText()).deepCopy();
      if (behaviour == TestNumbers.SMS_FAILS) {
        outcome = "carrier_error";
        reached = false;
        sms.put("status", "failed").put("error_code", "carrier_error");
        ledger.save(ws, "sms_message", sms, "sms.failed");
      } else {
        outcome = "delivered";
        reached = true;
        sms.put("status", "delivered").put("delivered_at", Json.time(now));
        ledger.save(ws, "sms_message", sms, "sms.delivered");
        if (behaviour == TestNumbers.SMS_REPLIES) {
          scheduler.schedule(ws, "reply:" + sms.get("id").asText(), REPLY, now.plusSeconds(60),
              Json.object().put("sms_id", sms.get("id").asText()));
        }
      }
    }
    attempt.put("status", reached ? "succeeded" : "failed").put("outcome", outcome);
    store.put(ws, "attempt", attempt);
    job.put("outcome", outcome);
    job.put("updated_at", Json.time(now));
    boolean retry = !reached && job.get("attempts_count").asInt() < job.get("max_attempts").asInt()
        && !run.get("status").asText().equals("cancelled");
    if (retry) {
      Instant next = SendTimes.nextAllowed(now.plus(RETRY_DELAY), run, phone);
      job.put("status", "pending");
      job.put("next_attempt_at", Json.time(next));
      store.put(ws, "job", job);
      move(run, "in_progress", "pending");
      run.put("updated_at", Json.time(now));
      store.put(ws, RunHandlers.TYPE, run);
      plan(ws, job, next);
      return;
    }
    String status = reached ? "succeeded" : "failed";
    move(run, "in_progress", status);
    end(ws, job, run, status, outcome, now);
  }

  private void reply(String ws, ObjectNode timer) {
    ObjectNode sent = store.get(ws, "sms_message", timer.get("sms_id").asText());
    if (sent == null) {
      return;
    }
    Instant now = clock.instant();
    String body = "Yes please! Can you call me tomorrow?";
    ObjectNode sms = Json.object();
    sms.put("id", ids.next("sms_"));
    sms.put("object", "sms_message");
    sms.put("direction", "inbound");
    sms.put("status", "received");
    sms.put("from", sent.get("to").asText());
    sms.put("to", sent.get("from").asText());
    sms.put("body", body);
    sms.put("conversation_id", converse(ws, sent.get("to").asText(), Json.text(sent, "lead_id"), "inbound", body,
        sms.get("id").asText(), now));
    sms.set("lead_id", sent.get("lead_id"));
    sms.set("run_id", sent.get("run_id"));
    sms.putNull("job_id");
    sms.putNull("attempt_id");
    sms.putNull("error_code");
    sms.put("created_at", Json.time(now));
    sms.putNull("delivered_at");
    ledger.save(ws, "sms_message", sms, "sms.received");
  }

  private ObjectNode recording(String ws, ObjectNode call, String kind, Instant now, double hz, String transcript) {
    byte[] wav = Wav.tone(hz, 1000);
    ObjectNode recording = Json.object();
    recording.put("id", ids.next("rec_"));
    recording.put("object", "recording");
    recording.put("call_id", call.get("id").asText());
    recording.put("duration_seconds", 1);
    recording.put("content_type", "audio/wav");
    recording.put("size_bytes", wav.length);
    recording.put("kind", kind);
    recording.put("transcript", transcript);
    recording.put("created_at", Json.time(now));
    audio.put(ws, recording, wav);
    return recording;
  }

  /** The recipient's lead: the one named by {@code lead_id}, or a new (not yet saved) one from the run. */
  private ObjectNode lead(String ws, ObjectNode job, JsonNode run, Instant now) {
    JsonNode recipient = job.get("recipient");
    String leadId = Json.text(recipient, "lead_id");
    ObjectNode existing = leadId == null ? null : store.get(ws, "lead", leadId);
    if (existing != null) {
      return existing;
    }
    ObjectNode lead = Json.object();
    lead.put("id", ids.next("lead_"));
    lead.put("object", "lead");
    lead.put("first_name", first(job));
    lead.putNull("last_name");
    lead.put("phone", Json.text(recipient, "phone"));
    RunHandlers.putNullable(lead, "email", Json.text(recipient, "email"));
    lead.put("status", "contacted");
    lead.put("qualified", false);
    lead.putNull("qualification_notes");
    lead.put("source", "outbound_run");
    lead.put("run_id", run.get("id").asText());
    lead.putNull("appointment");
    lead.put("created_at", Json.time(now));
    lead.put("updated_at", Json.time(now));
    return lead; // saved by the caller, after the call's own events

  }

  private void book(String ws, ObjectNode lead, ObjectNode call, Instant now) {
    ObjectNode qualified = lead.deepCopy();
    qualified.put("qualified", true);
    qualified.put("status", "qualified");
    qualified.put("qualification_notes", "Reached by the run; due for a check-up and wants to book.");
    qualified.put("updated_at", Json.time(now));
    ledger.save(ws, "lead", qualified, "lead.qualified");
    Instant starts = now.plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    ObjectNode appointment = Json.object();
    appointment.put("id", ids.next("appt_"));
    appointment.put("object", "appointment");
    appointment.put("lead_id", lead.get("id").asText());
    appointment.put("call_id", call.get("id").asText());
    appointment.put("starts_at", Json.time(starts));
    appointment.put("ends_at", Json.time(starts.plus(Duration.ofMinutes(45))));
    appointment.put("notes", "Booked during an outbound call.");
    appointment.put("created_at", Json.time(now));
    store.put(ws, "appointment", appointment);
    ObjectNode booked = qualified.deepCopy();
    booked.put("status", "booked");
    booked.set("appointment", appointment);
    store.put(ws, "lead", booked);
    ledger.append(ws, "appointment.booked", appointment);
  }

  private static String first(ObjectNode job) {
    String name = Json.text(job.get("recipient"), "first_name");
    return name == null ? "there" : name;
  }

  // --- jobs and runs end -----------------------------------------------------------------------

  private void end(String ws, ObjectNode job, ObjectNode run, String status, String outcome, Instant now) {
    job.put("status", status);
    job.put("outcome", outcome);
    job.putNull("next_attempt_at");
    job.put("updated_at", Json.time(now));
    job.put("completed_at", Json.time(now));
    ledger.save(ws, "job", job, "job.completed");
    run.put("updated_at", Json.time(now));
    store.put(ws, RunHandlers.TYPE, run);
    completeIfDone(ws, run);
  }

  private void completeIfDone(String ws, ObjectNode run) {
    JsonNode counts = run.get("counts");
    String status = run.get("status").asText();
    if ((!status.equals("running") && !status.equals("scheduled"))
        || counts.get("pending").asInt() > 0 || counts.get("in_progress").asInt() > 0) {
      return;
    }
    Instant now = clock.instant();
    run.put("status", "completed");
    run.put("completed_at", Json.time(now));
    run.put("updated_at", Json.time(now));
    ledger.save(ws, RunHandlers.TYPE, run, "communication_run.completed");
  }

  static void move(ObjectNode run, String from, String to) {
    ObjectNode counts = (ObjectNode) run.get("counts");
    counts.put(from, Math.max(0, counts.get(from).asInt() - 1));
    counts.put(to, counts.get(to).asInt() + 1);
  }
}
