package com.kaicalls.mock.internal.documents;

import java.time.Instant;
import java.util.List;

/**
 * Builds a call, placed or received: openapi.yaml's {@code Call}, the one place its document is
 * shaped.
 */
public final class CallDocument extends DocumentBuilder<CallDocument> {

  /** The prefix of its ids. */
  public static final String ID_PREFIX = "call_";

  private static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.OBJECT,
          Fields.DIRECTION,
          Fields.STATUS,
          Fields.FROM,
          Fields.TO,
          Fields.LEAD_ID,
          Fields.RUN_ID,
          Fields.JOB_ID,
          Fields.ATTEMPT_ID,
          Fields.AGENT_ID,
          Fields.AGENT_CONFIG_VERSION,
          Fields.STARTED_AT,
          Fields.ANSWERED_AT,
          Fields.ENDED_AT,
          Fields.DURATION_SECONDS,
          Fields.RECORDING_ID,
          Fields.SUMMARY,
          Fields.OUTCOME,
          Fields.CREATED_AT);

  private CallDocument(String id, Instant createdAt) {
    super(FIELDS, Collections.CALL, id, createdAt);
  }

  /**
   * A new document: {@code id} and {@code created_at} set, every other field {@code null} until
   * set.
   */
  public static CallDocument of(String id, Instant createdAt) {
    return new CallDocument(id, createdAt);
  }

  /** Sets {@code direction}, or JSON null for {@code null}. */
  public CallDocument direction(String value) {
    return text(Fields.DIRECTION, value);
  }

  /** Sets {@code status}, or JSON null for {@code null}. */
  public CallDocument status(String value) {
    return text(Fields.STATUS, value);
  }

  /** Sets {@code from}, or JSON null for {@code null}. */
  public CallDocument from(String value) {
    return text(Fields.FROM, value);
  }

  /** Sets {@code to}, or JSON null for {@code null}. */
  public CallDocument to(String value) {
    return text(Fields.TO, value);
  }

  /** Sets {@code lead_id}, or JSON null for {@code null}. */
  public CallDocument leadId(String value) {
    return text(Fields.LEAD_ID, value);
  }

  /** Sets {@code run_id}, or JSON null for {@code null}. */
  public CallDocument runId(String value) {
    return text(Fields.RUN_ID, value);
  }

  /** Sets {@code job_id}, or JSON null for {@code null}. */
  public CallDocument jobId(String value) {
    return text(Fields.JOB_ID, value);
  }

  /** Sets {@code attempt_id}, or JSON null for {@code null}. */
  public CallDocument attemptId(String value) {
    return text(Fields.ATTEMPT_ID, value);
  }

  /** Sets {@code agent_id}, or JSON null for {@code null}. */
  public CallDocument agentId(String value) {
    return text(Fields.AGENT_ID, value);
  }

  /** Sets {@code agent_config_version}. */
  public CallDocument agentConfigVersion(int value) {
    return number(Fields.AGENT_CONFIG_VERSION, value);
  }

  /** Sets {@code started_at}, or JSON null for {@code null}. */
  public CallDocument startedAt(Instant value) {
    return time(Fields.STARTED_AT, value);
  }

  /** Sets {@code answered_at}, or JSON null for {@code null}. */
  public CallDocument answeredAt(Instant value) {
    return time(Fields.ANSWERED_AT, value);
  }

  /** Sets {@code ended_at}, or JSON null for {@code null}. */
  public CallDocument endedAt(Instant value) {
    return time(Fields.ENDED_AT, value);
  }

  /** Sets {@code duration_seconds}. */
  public CallDocument durationSeconds(long value) {
    return number(Fields.DURATION_SECONDS, value);
  }

  /** Sets {@code recording_id}, or JSON null for {@code null}. */
  public CallDocument recordingId(String value) {
    return text(Fields.RECORDING_ID, value);
  }

  /** Sets {@code summary}, or JSON null for {@code null}. */
  public CallDocument summary(String value) {
    return text(Fields.SUMMARY, value);
  }

  /** Sets {@code outcome}, or JSON null for {@code null}. */
  public CallDocument outcome(String value) {
    return text(Fields.OUTCOME, value);
  }
}
