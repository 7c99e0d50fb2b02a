package com.kaicalls.mock.internal.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.store.Json;
import java.time.Instant;
import java.util.List;

/**
 * Builds a communication run: openapi.yaml's {@code CommunicationRun}, the one place its document
 * is shaped.
 */
public final class RunDocument extends DocumentBuilder<RunDocument> {

  /** The prefix of its ids. */
  public static final String ID_PREFIX = "run_";

  private static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.OBJECT,
          Fields.NAME,
          Fields.AGENT_ID,
          Fields.CHANNEL,
          Fields.MESSAGE,
          Fields.STATUS,
          Fields.SCHEDULE,
          Fields.MAX_ATTEMPTS,
          Fields.METADATA,
          Fields.RECIPIENTS_COUNT,
          Fields.COUNTS,
          Fields.CREATED_AT,
          Fields.UPDATED_AT,
          Fields.STARTED_AT,
          Fields.COMPLETED_AT,
          Fields.CANCELLED_AT);

  private RunDocument(String id, Instant createdAt) {
    super(FIELDS, Collections.COMMUNICATION_RUN, id, createdAt);
  }

  /** A run's {@code counts}: how many of its jobs are in each state. */
  public static ObjectNode counts(
      int pending, int inProgress, int succeeded, int failed, int skipped) {
    ObjectNode counts = Json.object();
    counts.put(Fields.PENDING, pending);
    counts.put(Fields.IN_PROGRESS, inProgress);
    counts.put(Fields.SUCCEEDED, succeeded);
    counts.put(Fields.FAILED, failed);
    counts.put(Fields.SKIPPED, skipped);
    return counts;
  }

  /** A run's {@code schedule}; {@code quietHours} may be JSON null. */
  public static ObjectNode schedule(Instant startAt, String timezone, JsonNode quietHours) {
    ObjectNode schedule = Json.object();
    schedule.put(Fields.START_AT, Json.time(startAt));
    schedule.put(Fields.TIMEZONE, timezone);
    schedule.set(Fields.QUIET_HOURS, quietHours);
    return schedule;
  }

  /** A schedule's {@code quiet_hours}, {@code HH:MM} to {@code HH:MM}. */
  public static ObjectNode quietHours(String start, String end) {
    return Json.object().put(Fields.START, start).put(Fields.END, end);
  }

  /**
   * A new document: {@code id} and {@code created_at} set, every other field {@code null} until
   * set.
   */
  public static RunDocument of(String id, Instant createdAt) {
    return new RunDocument(id, createdAt);
  }

  /** Sets {@code name}, or JSON null for {@code null}. */
  public RunDocument name(String value) {
    return text(Fields.NAME, value);
  }

  /** Sets {@code agent_id}, or JSON null for {@code null}. */
  public RunDocument agentId(String value) {
    return text(Fields.AGENT_ID, value);
  }

  /** Sets {@code channel}, or JSON null for {@code null}. */
  public RunDocument channel(String value) {
    return text(Fields.CHANNEL, value);
  }

  /** Sets {@code message}, or JSON null for {@code null}. */
  public RunDocument message(String value) {
    return text(Fields.MESSAGE, value);
  }

  /** Sets {@code status}, or JSON null for {@code null}. */
  public RunDocument status(String value) {
    return text(Fields.STATUS, value);
  }

  /** Sets {@code schedule}, or JSON null for {@code null}. */
  public RunDocument schedule(JsonNode value) {
    return node(Fields.SCHEDULE, value);
  }

  /** Sets {@code max_attempts}. */
  public RunDocument maxAttempts(int value) {
    return number(Fields.MAX_ATTEMPTS, value);
  }

  /** Sets {@code metadata}, or JSON null for {@code null}. */
  public RunDocument metadata(JsonNode value) {
    return node(Fields.METADATA, value);
  }

  /** Sets {@code recipients_count}. */
  public RunDocument recipientsCount(int value) {
    return number(Fields.RECIPIENTS_COUNT, value);
  }

  /** Sets {@code counts}, or JSON null for {@code null}. */
  public RunDocument counts(JsonNode value) {
    return node(Fields.COUNTS, value);
  }

  /** Sets {@code updated_at}, or JSON null for {@code null}. */
  public RunDocument updatedAt(Instant value) {
    return time(Fields.UPDATED_AT, value);
  }

  /** Sets {@code started_at}, or JSON null for {@code null}. */
  public RunDocument startedAt(Instant value) {
    return time(Fields.STARTED_AT, value);
  }

  /** Sets {@code completed_at}, or JSON null for {@code null}. */
  public RunDocument completedAt(Instant value) {
    return time(Fields.COMPLETED_AT, value);
  }

  /** Sets {@code cancelled_at}, or JSON null for {@code null}. */
  public RunDocument cancelledAt(Instant value) {
    return time(Fields.CANCELLED_AT, value);
  }
}
