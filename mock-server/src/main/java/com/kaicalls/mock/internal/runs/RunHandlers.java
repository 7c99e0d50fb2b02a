package com.kaicalls.mock.internal.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.api.ApiCall;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.api.ApiResponse;
import com.kaicalls.mock.internal.api.Handler;
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

/** {@code /v1/communication-runs}: validate, preview, create and the pause/resume/cancel machine. */
public final class RunHandlers {

  static final String TYPE = "communication_run";

  private final Store store;
  private final Ledger ledger;
  private final RunRules rules;
  private final Ids ids;
  private final Clock clock;
  private final RunEngine engine;
  /** Test seam: runs inside create, while the idempotency key is claimed. */
  public volatile Runnable beforeCreate = () -> {};

  public RunHandlers(Store store, Ledger ledger, RunRules rules, Ids ids, Clock clock, RunEngine engine) {
    this.engine = engine;
    this.store = store;
    this.ledger = ledger;
    this.rules = rules;
    this.ids = ids;
    this.clock = clock;
  }

  public void register(Map<String, Handler> handlers) {
    handlers.put("validateCommunicationRun", this::validate);
    handlers.put("previewCommunicationRun", this::preview);
    handlers.put("createCommunicationRun", call -> {
      beforeCreate.run();
      return ApiResponse.json(201, create(call.workspace(), call.body, call.violations));
    });
    handlers.put("pauseCommunicationRun",
        call -> transition(call, "pause", Set.of("scheduled", "running"), "communication_run.paused"));
    handlers.put("resumeCommunicationRun",
        call -> transition(call, "resume", Set.of("paused"), "communication_run.resumed"));
    handlers.put("cancelCommunicationRun",
        call -> transition(call, "cancel", Set.of("scheduled", "running", "paused"), "communication_run.cancelled"));
  }

  /** Operations whose body problems are reported in the result rather than as a 400. */
  public static Set<String> lenientOperations() {
    return Set.of("validateCommunicationRun", "previewCommunicationRun");
  }

  private ApiResponse validate(ApiCall call) {
    RunRules.Evaluation e = rules.evaluate(call.workspace(), call.body, call.violations);
    ObjectNode result = Json.object();
    result.put("object", "validation_result");
    result.put("valid", e.valid());
    ArrayNode errors = result.putArray("errors");
    e.errors().forEach(i -> errors.add(i.toJson()));
    ArrayNode warnings = result.putArray("warnings");
    e.warnings().forEach(i -> warnings.add(i.toJson()));
    result.put("recipients_count", e.recipientsCount());
    return ApiResponse.ok(result);
  }

  private ApiResponse preview(ApiCall call) {
    if (!call.violations.isEmpty() && !call.body.path("recipients").isArray()) {
      throw ApiException.of(call.violations.get(0));
    }
    JsonNode body = call.body;
    RunRules.Evaluation e = rules.evaluate(call.workspace(), body, call.violations);
    ObjectNode preview = Json.object();
    preview.put("object", "run_preview");
    preview.put("recipients_count", e.recipientsCount());
    int sendable = e.recipientsCount() - e.skipped().size();
    preview.put("sendable_count", sendable);
    ArrayNode skipped = preview.putArray("skipped");
    e.skipped().forEach((index, reason) -> {
      ObjectNode s = skipped.addObject();
      s.put("index", index);
      s.put("reason", reason);
      s.put("param", e.skipParams().get(index));
    });
    String channel = Json.text(body, "channel");
    String template = Json.text(body, "message");
    if (template == null) {
      template = greeting(call.workspace(), Json.text(body, "agent_id"));
    }
    ArrayNode messages = preview.putArray("messages");
    JsonNode recipients = body.path("recipients");
    for (int i = 0; i < Math.min(5, recipients.size()); i++) {
      JsonNode r = recipients.get(i);
      ObjectNode m = messages.addObject();
      m.put("index", i);
      String to = "email".equals(channel) ? Json.text(r, "email") : Json.text(r, "phone");
      m.put("to", to == null ? "" : to);
      m.put("content", RunRules.render(template, r));
    }
    int perRecipient = "voice".equals(channel) ? 90 : 2;
    preview.put("estimated_duration_seconds", sendable * perRecipient);
    JsonNode schedule = body.path("schedule");
    boolean scheduleUsable = e.errors().stream().noneMatch(i -> i.param() != null && i.param().startsWith("schedule"));
    List<JsonNode> contacted = new ArrayList<>();
    for (int i = 0; i < recipients.size(); i++) {
      if (recipients.get(i).isObject() && !e.skipped().containsKey(i)) {
        contacted.add(recipients.get(i));
      }
    }
    preview.set("send_windows", scheduleUsable ? RunRules.sendWindows(schedule, contacted, clock.instant()) : Json.array());
    return ApiResponse.ok(preview);
  }

  private String greeting(String workspaceId, String agentId) {
    ObjectNode agent = agentId == null ? null : store.get(workspaceId, "agent", agentId);
    if (agent == null) {
      return "";
    }
    int version = agent.path("current_config_version").asInt();
    return store.all(workspaceId, "agent_config_version").stream()
        .filter(v -> agentId.equals(v.path("agent_id").asText()) && v.path("version").asInt() == version)
        .map(v -> v.path("greeting").asText(""))
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
    String runId = ids.next("run_");
    String channel = body.get("channel").asText();
    int maxAttempts = body.path("max_attempts").asInt(1);
    JsonNode schedule = body.get("schedule");
    Instant startAt = now;
    ObjectNode run = Json.object();
    run.put("id", runId);
    run.put("object", "communication_run");
    run.put("name", body.get("name").asText());
    run.put("agent_id", body.get("agent_id").asText());
    run.put("channel", channel);
    Json.putNullable(run, "message", Json.text(body, "message"));
    run.put("status", "scheduled");
    if (schedule == null || schedule.isNull()) {
      run.putNull("schedule");
    } else {
      ObjectNode s = Json.object();
      String start = Json.text(schedule, "start_at");
      if (start != null) {
        startAt = OffsetDateTime.parse(start).toInstant();
      }
      s.put("start_at", Json.time(startAt));
      s.put("timezone", schedule.path("timezone").asText("UTC"));
      JsonNode quiet = schedule.get("quiet_hours");
      s.set("quiet_hours", quiet == null ? Json.object().nullNode() : quiet.deepCopy());
      run.set("schedule", s);
    }
    run.put("max_attempts", maxAttempts);
    run.set("metadata", body.has("metadata") && body.get("metadata").isObject() ? body.get("metadata").deepCopy() : Json.object());
    JsonNode recipients = body.get("recipients");
    run.put("recipients_count", recipients.size());
    int skipped = e.skipped().size();
    ObjectNode counts = run.putObject("counts");
    counts.put("pending", recipients.size() - skipped);
    counts.put("in_progress", 0);
    counts.put("succeeded", 0);
    counts.put("failed", 0);
    counts.put("skipped", skipped);
    String created = Json.time(now);
    java.util.List<ObjectNode> jobs = new java.util.ArrayList<>(recipients.size());
    run.put("created_at", created);
    run.put("updated_at", created);
    run.putNull("started_at");
    run.putNull("completed_at");
    run.putNull("cancelled_at");
    for (int i = 0; i < recipients.size(); i++) {
      String reason = e.skipped().get(i);
      ObjectNode job = Json.object();
      job.put("id", ids.next("job_"));
      job.put("object", "job");
      job.put("run_id", runId);
      job.put("recipient_index", i);
      job.set("recipient", recipients.get(i).deepCopy());
      job.put("channel", channel);
      job.put("status", reason == null ? "pending" : "skipped");
      job.put("attempts_count", 0);
      job.put("max_attempts", maxAttempts);
      job.putNull("outcome");
      Json.putNullable(job, "skip_reason", reason);
      Json.putNullable(job, "next_attempt_at",
          reason == null ? Json.time(engine.firstAttemptAt(run, recipients.get(i), startAt)) : null);
      job.put("outcome", reason == null ? null : "opted_out".equals(reason) ? "opted_out" : null);
      job.put("created_at", created);
      job.put("updated_at", created);
      Json.putNullable(job, "completed_at", reason == null ? null : created);
      store.put(workspaceId, "job", job);
      jobs.add(job);
    }
    ledger.save(workspaceId, TYPE, run, "communication_run.created");
    engine.created(workspaceId, run, jobs);
    return run;
  }

  private synchronized ApiResponse transition(ApiCall call, String action, Set<String> from, String eventType) {
    ObjectNode current = store.get(call.workspace(), TYPE, call.path("id"));
    if (current == null) {
      throw ApiException.notFound("communication run", call.path("id"));
    }
    String status = current.get("status").asText();
    if (!from.contains(status)) {
      throw ApiException.conflict("invalid_state_transition",
          "Cannot " + action + " a communication run whose status is '" + status + "'.");
    }
    Instant now = clock.instant();
    ObjectNode run = current.deepCopy();
    run.put("updated_at", Json.time(now));
    switch (action) {
      case "pause":
        run.put("status", "paused");
        break;
      case "resume":
        run.put("status", run.path("started_at").isNull() ? "scheduled" : "running");
        ledger.save(call.workspace(), TYPE, run, eventType);
        engine.resumed(call.workspace(), run);
        return ApiResponse.ok(store.get(call.workspace(), TYPE, run.get("id").asText()));
      default:
        run.put("status", "cancelled");
        run.put("cancelled_at", Json.time(now));
        cancelJobs(call.workspace(), run, now);
        break;
    }
    ledger.save(call.workspace(), TYPE, run, eventType);
    return ApiResponse.ok(run);
  }

  private void cancelJobs(String workspaceId, ObjectNode run, Instant now) {
    String runId = run.get("id").asText();
    int cancelled = 0;
    for (ObjectNode job : store.list(workspaceId, "job", ListQuery.all(j -> runId.equals(j.path("run_id").asText()))).data()) {
      String status = job.get("status").asText();
      if (status.equals("pending")) {
        ObjectNode copy = job.deepCopy();
        copy.put("status", "cancelled");
        copy.putNull("next_attempt_at");
        copy.put("updated_at", Json.time(now));
        copy.put("completed_at", Json.time(now));
        ledger.save(workspaceId, "job", copy, "job.completed");
        engine.cancelled(workspaceId, copy.get("id").asText());
        cancelled++;
      }
    }
    // Cancelled jobs count as skipped (RunCounts.skipped: "never attempted ... or cancelled").
    ObjectNode counts = (ObjectNode) run.get("counts");
    counts.put("pending", Math.max(0, counts.path("pending").asInt() - cancelled));
    counts.put("skipped", counts.path("skipped").asInt() + cancelled);
  }

}
