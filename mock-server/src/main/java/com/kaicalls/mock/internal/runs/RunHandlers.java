package com.kaicalls.mock.internal.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.api.ApiCall;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.api.ApiResponse;
import com.kaicalls.mock.internal.api.Handler;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.documents.JobDocument;
import com.kaicalls.mock.internal.documents.RunDocument;
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.spec.Violation;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.ListQuery;
import com.kaicalls.mock.internal.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v1/communication-runs}: validate, preview, create and the pause/resume/cancel machine.
 */
public final class RunHandlers {

  private final Store store;
  private final Ledger ledger;
  private final RunRules rules;
  private final Ids ids;
  private final Clock clock;
  private final RunEngine engine;

  /** Handlers that check requests with {@code rules} and hand created runs to {@code engine}. */
  public RunHandlers(
      Store store, Ledger ledger, RunRules rules, Ids ids, Clock clock, RunEngine engine) {
    this.engine = engine;
    this.store = store;
    this.ledger = ledger;
    this.rules = rules;
    this.ids = ids;
    this.clock = clock;
  }

  /** Adds its handlers, by operation id. */
  public void register(Map<String, Handler> handlers) {
    // Validate and preview report a body's problems in their result, not as a 400.
    handlers.put("validateCommunicationRun", Handler.reportingBodyProblems(this::validate));
    handlers.put("previewCommunicationRun", Handler.reportingBodyProblems(this::preview));
    handlers.put(
        "createCommunicationRun",
        call -> ApiResponse.json(201, create(call.workspace(), call.body, call.violations)));
    handlers.put(
        "pauseCommunicationRun",
        call ->
            transition(call, "pause", Set.of("scheduled", "running"), "communication_run.paused"));
    handlers.put(
        "resumeCommunicationRun",
        call -> transition(call, "resume", Set.of("paused"), "communication_run.resumed"));
    handlers.put(
        "cancelCommunicationRun",
        call ->
            transition(
                call,
                "cancel",
                Set.of("scheduled", "running", "paused"),
                "communication_run.cancelled"));
  }

  private ApiResponse validate(ApiCall call) {
    RunRules.Evaluation e = rules.evaluate(call.workspace(), call.body, call.violations);
    ObjectNode result = Json.object();
    result.put(Fields.OBJECT, "validation_result");
    result.put(Fields.VALID, e.valid());
    ArrayNode errors = result.putArray(Fields.ERRORS);
    e.errors().forEach(i -> errors.add(i.toJson()));
    ArrayNode warnings = result.putArray(Fields.WARNINGS);
    e.warnings().forEach(i -> warnings.add(i.toJson()));
    result.put(Fields.RECIPIENTS_COUNT, e.recipientsCount());
    return ApiResponse.ok(result);
  }

  private ApiResponse preview(ApiCall call) {
    if (!call.violations.isEmpty() && !call.body.path(Fields.RECIPIENTS).isArray()) {
      throw ApiException.of(call.violations.get(0));
    }
    JsonNode body = call.body;
    RunRules.Evaluation e = rules.evaluate(call.workspace(), body, call.violations);
    ObjectNode preview = Json.object();
    preview.put(Fields.OBJECT, "run_preview");
    preview.put(Fields.RECIPIENTS_COUNT, e.recipientsCount());
    int sendable = e.recipientsCount() - e.skipped().size();
    preview.put(Fields.SENDABLE_COUNT, sendable);
    ArrayNode skipped = preview.putArray(Fields.SKIPPED);
    e.skipped()
        .forEach(
            (index, reason) -> {
              ObjectNode s = skipped.addObject();
              s.put(Fields.INDEX, index);
              s.put(Fields.REASON, reason);
              s.put(Fields.PARAM, e.skipParams().get(index));
            });
    String channel = Json.text(body, Fields.CHANNEL);
    String template = Json.text(body, Fields.MESSAGE);
    if (template == null) {
      template = greeting(call.workspace(), Json.text(body, Fields.AGENT_ID));
    }
    ArrayNode messages = preview.putArray(Fields.MESSAGES);
    JsonNode recipients = body.path(Fields.RECIPIENTS);
    for (int i = 0; i < Math.min(5, recipients.size()); i++) {
      JsonNode r = recipients.get(i);
      ObjectNode m = messages.addObject();
      m.put(Fields.INDEX, i);
      String to = "email".equals(channel) ? Json.text(r, Fields.EMAIL) : Json.text(r, Fields.PHONE);
      m.put(Fields.TO, to == null ? "" : to);
      m.put(Fields.CONTENT, RunRules.render(template, r));
    }
    int perRecipient = "voice".equals(channel) ? 90 : 2;
    preview.put(Fields.ESTIMATED_DURATION_SECONDS, sendable * perRecipient);
    JsonNode schedule = body.path(Fields.SCHEDULE);
    boolean scheduleUsable =
        e.errors().stream().noneMatch(i -> i.param() != null && i.param().startsWith("schedule"));
    List<JsonNode> contacted = new ArrayList<>();
    for (int i = 0; i < recipients.size(); i++) {
      if (recipients.get(i).isObject() && !e.skipped().containsKey(i)) {
        contacted.add(recipients.get(i));
      }
    }
    preview.set(
        Fields.SEND_WINDOWS,
        scheduleUsable ? RunRules.sendWindows(schedule, contacted, clock.instant()) : Json.array());
    return ApiResponse.ok(preview);
  }

  private String greeting(String workspaceId, String agentId) {
    ObjectNode agent = agentId == null ? null : store.get(workspaceId, Collections.AGENT, agentId);
    if (agent == null) {
      return "";
    }
    int version = agent.path(Fields.CURRENT_CONFIG_VERSION).asInt();
    return store.all(workspaceId, Collections.AGENT_CONFIG_VERSION).stream()
        .filter(
            v ->
                agentId.equals(v.path(Fields.AGENT_ID).asText())
                    && v.path(Fields.VERSION).asInt() == version)
        .map(v -> v.path(Fields.GREETING).asText(""))
        .findFirst()
        .orElse("");
  }

  /** Creates a run and its jobs from a create request; throws 400 naming the first error. */
  public ObjectNode create(String workspaceId, JsonNode body, List<Violation> violations) {
    RunRules.Evaluation e = rules.evaluate(workspaceId, body, violations);
    RunRules.Issue first = e.blocking();
    if (first != null) {
      throw ApiException.invalid(first.code(), first.message(), first.param());
    }
    Instant now = clock.instant();
    String runId = ids.next(RunDocument.ID_PREFIX);
    String channel = body.get(Fields.CHANNEL).asText();
    int maxAttempts = body.path(Fields.MAX_ATTEMPTS).asInt(1);
    JsonNode schedule = body.get(Fields.SCHEDULE);
    Instant startAt = now;
    ObjectNode runSchedule = null;
    if (schedule != null && !schedule.isNull()) {
      String start = Json.text(schedule, Fields.START_AT);
      if (start != null) {
        startAt = OffsetDateTime.parse(start).toInstant();
      }
      JsonNode quiet = schedule.get(Fields.QUIET_HOURS);
      runSchedule =
          RunDocument.schedule(
              startAt,
              schedule.path(Fields.TIMEZONE).asText("UTC"),
              quiet == null ? Json.object().nullNode() : quiet.deepCopy());
    }
    JsonNode metadata = body.get(Fields.METADATA);
    JsonNode recipients = body.get(Fields.RECIPIENTS);
    int skipped = e.skipped().size();
    ObjectNode run =
        RunDocument.of(runId, now)
            .name(body.get(Fields.NAME).asText())
            .agentId(body.get(Fields.AGENT_ID).asText())
            .channel(channel)
            .message(Json.text(body, Fields.MESSAGE))
            .status("scheduled")
            .schedule(runSchedule)
            .maxAttempts(maxAttempts)
            .metadata(metadata != null && metadata.isObject() ? metadata.deepCopy() : Json.object())
            .recipientsCount(recipients.size())
            .counts(RunDocument.counts(recipients.size() - skipped, 0, 0, 0, skipped))
            .updatedAt(now)
            .build();
    List<ObjectNode> jobs = new ArrayList<>(recipients.size());
    for (int i = 0; i < recipients.size(); i++) {
      String reason = e.skipped().get(i);
      boolean pending = reason == null;
      ObjectNode job =
          JobDocument.of(ids.next(JobDocument.ID_PREFIX), now)
              .runId(runId)
              .recipientIndex(i)
              .recipient(recipients.get(i).deepCopy())
              .channel(channel)
              .status(pending ? "pending" : "skipped")
              .attemptsCount(0)
              .maxAttempts(maxAttempts)
              .outcome("opted_out".equals(reason) ? "opted_out" : null)
              .skipReason(reason)
              .nextAttemptAt(
                  pending ? engine.firstAttemptAt(run, recipients.get(i), startAt) : null)
              .updatedAt(now)
              .completedAt(pending ? null : now)
              .build();
      store.put(workspaceId, Collections.JOB, job);
      jobs.add(job);
    }
    ledger.save(workspaceId, Collections.COMMUNICATION_RUN, run, "communication_run.created");
    engine.created(workspaceId, run, jobs);
    return run;
  }

  private synchronized ApiResponse transition(
      ApiCall call, String action, Set<String> from, String eventType) {
    ObjectNode run = call.require(store, Collections.COMMUNICATION_RUN, "communication run");
    String status = run.get(Fields.STATUS).asText();
    if (!from.contains(status)) {
      throw ApiException.conflict(
          "invalid_state_transition",
          "Cannot " + action + " a communication run whose status is '" + status + "'.");
    }
    Instant now = clock.instant();
    run.put(Fields.UPDATED_AT, Json.time(now));
    switch (action) {
      case "pause":
        run.put(Fields.STATUS, "paused");
        break;
      case "resume":
        run.put(Fields.STATUS, run.path(Fields.STARTED_AT).isNull() ? "scheduled" : "running");
        ledger.save(call.workspace(), Collections.COMMUNICATION_RUN, run, eventType);
        engine.resumed(call.workspace(), run);
        return ApiResponse.ok(
            store.get(
                call.workspace(), Collections.COMMUNICATION_RUN, run.get(Fields.ID).asText()));
      default:
        run.put(Fields.STATUS, "cancelled");
        run.put(Fields.CANCELLED_AT, Json.time(now));
        cancelJobs(call.workspace(), run, now);
        break;
    }
    ledger.save(call.workspace(), Collections.COMMUNICATION_RUN, run, eventType);
    return ApiResponse.ok(run);
  }

  private void cancelJobs(String workspaceId, ObjectNode run, Instant now) {
    String runId = run.get(Fields.ID).asText();
    int cancelled = 0;
    for (ObjectNode job :
        store
            .list(
                workspaceId,
                Collections.JOB,
                ListQuery.all(j -> runId.equals(j.path(Fields.RUN_ID).asText())))
            .data()) {
      String status = job.get(Fields.STATUS).asText();
      if (status.equals("pending")) {
        job.put(Fields.STATUS, "cancelled");
        job.putNull(Fields.NEXT_ATTEMPT_AT);
        job.put(Fields.UPDATED_AT, Json.time(now));
        job.put(Fields.COMPLETED_AT, Json.time(now));
        ledger.save(workspaceId, Collections.JOB, job, "job.completed");
        engine.cancelled(workspaceId, job.get(Fields.ID).asText());
        cancelled++;
      }
    }
    // Cancelled jobs count as skipped (RunCounts.skipped: "never attempted ... or cancelled").
    ObjectNode counts = (ObjectNode) run.get(Fields.COUNTS);
    counts.put(Fields.PENDING, Math.max(0, counts.path(Fields.PENDING).asInt() - cancelled));
    counts.put(Fields.SKIPPED, counts.path(Fields.SKIPPED).asInt() + cancelled);
  }
}
