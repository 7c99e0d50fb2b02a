package com.kaicalls.mock.internal.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.clock.Scheduler;
import com.kaicalls.mock.internal.documents.AttemptDocument;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.ListQuery;
import com.kaicalls.mock.internal.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Executes communication runs over virtual time: each pending job is attempted when due (after
 * {@code start_at}, outside the recipient's {@link QuietHours}, while the run is not paused); an
 * attempt places a call ({@link VoiceCalls}) or sends a message ({@link TextMessages}), whose
 * outcome the {@link TestNumbers} decide, and ends a little later; unanswered and busy calls and
 * failed SMS are retried after {@link #RETRY_DELAY} up to {@code max_attempts}. Keeps the run's
 * counts in step with its jobs and completes the run when no job is left.
 */
public final class RunEngine {

  static final Duration RETRY_DELAY = Duration.ofMinutes(10);
  private static final String ATTEMPT = "job.attempt";
  private static final String FINISH = "job.finish";
  private static final String RUN_FINISH = "run.finish";

  private final Store store;
  private final Ledger ledger;
  private final Ids ids;
  private final Clock clock;
  private final Scheduler scheduler;
  private final VoiceCalls calls;
  private final TextMessages texts;
  private final Conversations conversations;

  /** Registers its timers with {@code scheduler}. */
  public RunEngine(
      Store store,
      Ledger ledger,
      Ids ids,
      Clock clock,
      Scheduler scheduler,
      VoiceCalls calls,
      TextMessages texts,
      Conversations conversations) {
    this.store = store;
    this.ledger = ledger;
    this.ids = ids;
    this.clock = clock;
    this.scheduler = scheduler;
    this.calls = calls;
    this.texts = texts;
    this.conversations = conversations;
    scheduler.register(ATTEMPT, (ws, t) -> attempt(ws, t.get("job_id").asText()));
    scheduler.register(FINISH, this::finish);
    scheduler.register(
        RUN_FINISH,
        (ws, t) -> {
          ObjectNode run = store.get(ws, Collections.COMMUNICATION_RUN, t.get("run_id").asText());
          if (run != null) {
            completeIfDone(ws, run);
          }
        });
  }

  /** Forgets what it cached about the state (the store was emptied or replaced). */
  public void clear() {
    conversations.clear();
  }

  /** When a new job is first attempted: at {@code start_at}, pushed past quiet hours. */
  Instant firstAttemptAt(JsonNode run, JsonNode recipient, Instant startAt) {
    return QuietHours.of(run.path(Fields.SCHEDULE)).nextAllowed(startAt, recipient);
  }

  /** After create: plans every pending job (and the end of a run with nothing to do). */
  void created(String ws, ObjectNode run, Iterable<ObjectNode> jobs) {
    boolean any = false;
    for (ObjectNode job : jobs) {
      if (job.get(Fields.STATUS).asText().equals("pending")) {
        plan(ws, job, Instant.parse(job.get(Fields.NEXT_ATTEMPT_AT).asText()));
        any = true;
      } else {
        ledger.append(ws, "job.completed", job);
      }
    }
    if (!any) {
      String runId = run.get(Fields.ID).asText();
      Instant startAt =
          Instant.parse(
              run.path(Fields.SCHEDULE)
                  .path(Fields.START_AT)
                  .asText(run.get(Fields.CREATED_AT).asText()));
      scheduler.schedule(
          ws, "run:" + runId, RUN_FINISH, startAt, Json.object().put("run_id", runId));
    }
  }

  /** After resume: pending jobs are due again (at once if their time passed while paused). */
  void resumed(String ws, ObjectNode run) {
    Instant now = clock.instant();
    String runId = run.get(Fields.ID).asText();
    boolean any = false;
    for (ObjectNode job :
        store
            .list(
                ws,
                Collections.JOB,
                ListQuery.all(j -> runId.equals(j.path(Fields.RUN_ID).asText())))
            .data()) {
      String status = job.get(Fields.STATUS).asText();
      any |= status.equals("pending") || status.equals("in_progress");
      if (status.equals("pending")) {
        Instant due = Instant.parse(job.get(Fields.NEXT_ATTEMPT_AT).asText());
        plan(ws, job, due.isBefore(now) ? now : due);
      }
    }
    if (!any) {
      completeIfDone(ws, store.get(ws, Collections.COMMUNICATION_RUN, runId));
    }
  }

  /** Drops the plan of a job that was cancelled. */
  void cancelled(String ws, String jobId) {
    scheduler.cancel(ws, "job:" + jobId);
  }

  private void plan(String ws, ObjectNode job, Instant due) {
    String jobId = job.get(Fields.ID).asText();
    scheduler.schedule(ws, "job:" + jobId, ATTEMPT, due, Json.object().put("job_id", jobId));
  }

  // --- an attempt starts ---------------------------------------------------------------------

  private void attempt(String ws, String jobId) {
    ObjectNode job = store.get(ws, Collections.JOB, jobId);
    if (job == null || !job.get(Fields.STATUS).asText().equals("pending")) {
      return;
    }
    ObjectNode run = store.get(ws, Collections.COMMUNICATION_RUN, job.get(Fields.RUN_ID).asText());
    String runStatus = run.get(Fields.STATUS).asText();
    if (!runStatus.equals("scheduled") && !runStatus.equals("running")) {
      return; // paused: resume plans it again; cancelled/completed: nothing to do
    }
    Instant now = clock.instant();
    JsonNode recipient = job.get(Fields.RECIPIENT);
    Instant allowed = QuietHours.of(run.path(Fields.SCHEDULE)).nextAllowed(now, recipient);
    if (allowed.isAfter(now)) {
      job.put(Fields.NEXT_ATTEMPT_AT, Json.time(allowed));
      store.put(ws, Collections.JOB, job);
      plan(ws, job, allowed);
      return;
    }
    if (runStatus.equals("scheduled")) {
      run.put(Fields.STATUS, "running");
      run.put(Fields.STARTED_AT, Json.time(now));
    }
    int number = job.get(Fields.ATTEMPTS_COUNT).asInt() + 1;
    String channel = job.get(Fields.CHANNEL).asText();
    TestNumbers behaviour =
        channel.equals("email")
            ? TestNumbers.ANSWERS
            : TestNumbers.of(Json.text(recipient, Fields.PHONE));
    ObjectNode attempt =
        attemptDocument(ws, ids.next(AttemptDocument.ID_PREFIX), job, run, number, now);
    job.put(Fields.ATTEMPTS_COUNT, number);
    job.putNull(Fields.NEXT_ATTEMPT_AT);
    job.put(Fields.UPDATED_AT, Json.time(now));
    if (behaviour == TestNumbers.INVALID || channel.equals("email")) {
      // Nothing to wait for: an invalid number fails at once, an email (no resource of its own) is
      // delivered.
      boolean email = channel.equals("email");
      AttemptOutcome outcome = new AttemptOutcome(email ? "delivered" : "invalid_number", email);
      attempt
          .put(Fields.STATUS, email ? "succeeded" : "failed")
          .put(Fields.OUTCOME, outcome.outcome())
          .put(Fields.ENDED_AT, Json.time(now));
      store.put(ws, Collections.ATTEMPT, attempt);
      move(run, "pending", email ? "succeeded" : "failed");
      end(ws, job, run, email ? "succeeded" : "failed", outcome.outcome(), now);
      return;
    }
    ObjectNode timer =
        Json.object()
            .put("job_id", jobId)
            .put("attempt_id", attempt.get(Fields.ID).asText())
            .put("number", number)
            .put("started_at", Json.time(now));
    Duration duration;
    if (channel.equals("voice")) {
      timer.put("call_id", calls.place(ws, job, attempt, behaviour, now).get(Fields.ID).asText());
      duration = VoiceCalls.duration(behaviour);
    } else {
      timer.put("sms_id", texts.send(ws, job, run, attempt, now).get(Fields.ID).asText());
      duration = TextMessages.DELIVERY_TIME;
    }
    job.put(Fields.STATUS, "in_progress");
    store.put(ws, Collections.JOB, job);
    move(run, "pending", "in_progress");
    run.put(Fields.UPDATED_AT, Json.time(now));
    store.put(ws, Collections.COMMUNICATION_RUN, run);
    scheduler.schedule(ws, "finish:" + jobId, FINISH, now.plus(duration), timer);
  }

  /** The attempt record, in progress (it is stored when the attempt ends). */
  private ObjectNode attemptDocument(
      String ws, String id, JsonNode job, JsonNode run, int number, Instant startedAt) {
    String agentId = run.get(Fields.AGENT_ID).asText();
    ObjectNode agent = store.get(ws, Collections.AGENT, agentId);
    return AttemptDocument.of(id, startedAt)
        .jobId(job.get(Fields.ID).asText())
        .runId(job.get(Fields.RUN_ID).asText())
        .number(number)
        .channel(job.get(Fields.CHANNEL).asText())
        .status("in_progress")
        .agentId(agentId)
        .agentConfigVersion(
            agent == null ? null : agent.path(Fields.CURRENT_CONFIG_VERSION).asInt(1))
        .startedAt(startedAt)
        .build();
  }

  // --- an attempt ends -------------------------------------------------------------------------

  private void finish(String ws, ObjectNode timer) {
    ObjectNode job = store.get(ws, Collections.JOB, timer.get("job_id").asText());
    if (job == null || !job.get(Fields.STATUS).asText().equals("in_progress")) {
      return;
    }
    ObjectNode run = store.get(ws, Collections.COMMUNICATION_RUN, job.get(Fields.RUN_ID).asText());
    Instant now = clock.instant();
    Instant started = Instant.parse(timer.get("started_at").asText());
    TestNumbers behaviour = TestNumbers.of(Json.text(job.get(Fields.RECIPIENT), Fields.PHONE));
    // The id sequence moves on here as it always has, so that every later id stays what it was.
    ids.next(AttemptDocument.ID_PREFIX);
    ObjectNode attempt =
        attemptDocument(
            ws, timer.get("attempt_id").asText(), job, run, timer.get("number").asInt(), started);
    attempt.put(Fields.ENDED_AT, Json.time(now));
    AttemptOutcome ended;
    if (timer.has("call_id")) {
      attempt.put(Fields.CALL_ID, timer.get("call_id").asText());
      ended = calls.end(ws, job, run, timer.get("call_id").asText(), behaviour, started, now);
    } else {
      attempt.put(Fields.SMS_MESSAGE_ID, timer.get("sms_id").asText());
      ended = texts.end(ws, timer.get("sms_id").asText(), behaviour, now);
    }
    attempt
        .put(Fields.STATUS, ended.reached() ? "succeeded" : "failed")
        .put(Fields.OUTCOME, ended.outcome());
    store.put(ws, Collections.ATTEMPT, attempt);
    job.put(Fields.OUTCOME, ended.outcome());
    job.put(Fields.UPDATED_AT, Json.time(now));
    boolean retry =
        !ended.reached()
            && job.get(Fields.ATTEMPTS_COUNT).asInt() < job.get(Fields.MAX_ATTEMPTS).asInt()
            && !run.get(Fields.STATUS).asText().equals("cancelled");
    if (retry) {
      Instant next =
          QuietHours.of(run.path(Fields.SCHEDULE))
              .nextAllowed(now.plus(RETRY_DELAY), job.get(Fields.RECIPIENT));
      job.put(Fields.STATUS, "pending");
      job.put(Fields.NEXT_ATTEMPT_AT, Json.time(next));
      store.put(ws, Collections.JOB, job);
      move(run, "in_progress", "pending");
      run.put(Fields.UPDATED_AT, Json.time(now));
      store.put(ws, Collections.COMMUNICATION_RUN, run);
      plan(ws, job, next);
      return;
    }
    String status = ended.reached() ? "succeeded" : "failed";
    move(run, "in_progress", status);
    end(ws, job, run, status, ended.outcome(), now);
  }

  // --- jobs and runs end -----------------------------------------------------------------------

  private void end(
      String ws, ObjectNode job, ObjectNode run, String status, String outcome, Instant now) {
    job.put(Fields.STATUS, status);
    job.put(Fields.OUTCOME, outcome);
    job.putNull(Fields.NEXT_ATTEMPT_AT);
    job.put(Fields.UPDATED_AT, Json.time(now));
    job.put(Fields.COMPLETED_AT, Json.time(now));
    ledger.save(ws, Collections.JOB, job, "job.completed");
    run.put(Fields.UPDATED_AT, Json.time(now));
    store.put(ws, Collections.COMMUNICATION_RUN, run);
    completeIfDone(ws, run);
  }

  private void completeIfDone(String ws, ObjectNode run) {
    JsonNode counts = run.get(Fields.COUNTS);
    String status = run.get(Fields.STATUS).asText();
    if ((!status.equals("running") && !status.equals("scheduled"))
        || counts.get(Fields.PENDING).asInt() > 0
        || counts.get(Fields.IN_PROGRESS).asInt() > 0) {
      return;
    }
    Instant now = clock.instant();
    run.put(Fields.STATUS, "completed");
    run.put(Fields.COMPLETED_AT, Json.time(now));
    run.put(Fields.UPDATED_AT, Json.time(now));
    ledger.save(ws, Collections.COMMUNICATION_RUN, run, "communication_run.completed");
  }

  /** Moves one job in a run's {@code counts} from state {@code from} to state {@code to}. */
  static void move(ObjectNode run, String from, String to) {
    ObjectNode counts = (ObjectNode) run.get(Fields.COUNTS);
    counts.put(from, Math.max(0, counts.get(from).asInt() - 1));
    counts.put(to, counts.get(to).asInt() + 1);
  }
}
