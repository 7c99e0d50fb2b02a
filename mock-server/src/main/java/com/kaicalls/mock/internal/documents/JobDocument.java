package com.kaicalls.mock.internal.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * Builds the job of one recipient of a communication run: openapi.yaml's {@code Job}, the one place
 * its document is shaped.
 */
public final class JobDocument extends DocumentBuilder<JobDocument> {

  /** The prefix of its ids. */
  public static final String ID_PREFIX = "job_";

  private static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.OBJECT,
          Fields.RUN_ID,
          Fields.RECIPIENT_INDEX,
          Fields.RECIPIENT,
          Fields.CHANNEL,
          Fields.STATUS,
          Fields.ATTEMPTS_COUNT,
          Fields.MAX_ATTEMPTS,
          Fields.OUTCOME,
          Fields.SKIP_REASON,
          Fields.NEXT_ATTEMPT_AT,
          Fields.CREATED_AT,
          Fields.UPDATED_AT,
          Fields.COMPLETED_AT);

  private JobDocument(String id, Instant createdAt) {
    super(FIELDS, Collections.JOB, id, createdAt);
  }

  /**
   * A new document: {@code id} and {@code created_at} set, every other field {@code null} until
   * set.
   */
  public static JobDocument of(String id, Instant createdAt) {
    return new JobDocument(id, createdAt);
  }

  /** Sets {@code run_id}, or JSON null for {@code null}. */
  public JobDocument runId(String value) {
    return text(Fields.RUN_ID, value);
  }

  /** Sets {@code recipient_index}. */
  public JobDocument recipientIndex(int value) {
    return number(Fields.RECIPIENT_INDEX, value);
  }

  /** Sets {@code recipient}, or JSON null for {@code null}. */
  public JobDocument recipient(JsonNode value) {
    return node(Fields.RECIPIENT, value);
  }

  /** Sets {@code channel}, or JSON null for {@code null}. */
  public JobDocument channel(String value) {
    return text(Fields.CHANNEL, value);
  }

  /** Sets {@code status}, or JSON null for {@code null}. */
  public JobDocument status(String value) {
    return text(Fields.STATUS, value);
  }

  /** Sets {@code attempts_count}. */
  public JobDocument attemptsCount(int value) {
    return number(Fields.ATTEMPTS_COUNT, value);
  }

  /** Sets {@code max_attempts}. */
  public JobDocument maxAttempts(int value) {
    return number(Fields.MAX_ATTEMPTS, value);
  }

  /** Sets {@code outcome}, or JSON null for {@code null}. */
  public JobDocument outcome(String value) {
    return text(Fields.OUTCOME, value);
  }

  /** Sets {@code skip_reason}, or JSON null for {@code null}. */
  public JobDocument skipReason(String value) {
    return text(Fields.SKIP_REASON, value);
  }

  /** Sets {@code next_attempt_at}, or JSON null for {@code null}. */
  public JobDocument nextAttemptAt(Instant value) {
    return time(Fields.NEXT_ATTEMPT_AT, value);
  }

  /** Sets {@code updated_at}, or JSON null for {@code null}. */
  public JobDocument updatedAt(Instant value) {
    return time(Fields.UPDATED_AT, value);
  }

  /** Sets {@code completed_at}, or JSON null for {@code null}. */
  public JobDocument completedAt(Instant value) {
    return time(Fields.COMPLETED_AT, value);
  }
}
