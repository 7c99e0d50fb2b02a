package com.kaicalls.mock.internal.documents;

import java.time.Instant;
import java.util.List;

/**
 * Builds one attempt of a job: openapi.yaml's {@code Attempt}, the one place its document is
 * shaped.
 */
public final class AttemptDocument extends DocumentBuilder<AttemptDocument> {

  /** The prefix of its ids. */
  public static final String ID_PREFIX = "att_";

  private static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.OBJECT,
          Fields.JOB_ID,
          Fields.RUN_ID,
          Fields.NUMBER,
          Fields.CHANNEL,
          Fields.STATUS,
          Fields.OUTCOME,
          Fields.CALL_ID,
          Fields.SMS_MESSAGE_ID,
          Fields.AGENT_ID,
          Fields.AGENT_CONFIG_VERSION,
          Fields.STARTED_AT,
          Fields.ENDED_AT,
          Fields.CREATED_AT);

  private AttemptDocument(String id, Instant createdAt) {
    super(FIELDS, Collections.ATTEMPT, id, createdAt);
  }

  /**
   * A new document: {@code id} and {@code created_at} set, every other field {@code null} until
   * set.
   */
  public static AttemptDocument of(String id, Instant createdAt) {
    return new AttemptDocument(id, createdAt);
  }

  /** Sets {@code job_id}, or JSON null for {@code null}. */
  public AttemptDocument jobId(String value) {
    return text(Fields.JOB_ID, value);
  }

  /** Sets {@code run_id}, or JSON null for {@code null}. */
  public AttemptDocument runId(String value) {
    return text(Fields.RUN_ID, value);
  }

  /** Sets {@code number}. */
  public AttemptDocument number(int value) {
    return number(Fields.NUMBER, value);
  }

  /** Sets {@code channel}, or JSON null for {@code null}. */
  public AttemptDocument channel(String value) {
    return text(Fields.CHANNEL, value);
  }

  /** Sets {@code status}, or JSON null for {@code null}. */
  public AttemptDocument status(String value) {
    return text(Fields.STATUS, value);
  }

  /** Sets {@code outcome}, or JSON null for {@code null}. */
  public AttemptDocument outcome(String value) {
    return text(Fields.OUTCOME, value);
  }

  /** Sets {@code call_id}, or JSON null for {@code null}. */
  public AttemptDocument callId(String value) {
    return text(Fields.CALL_ID, value);
  }

  /** Sets {@code sms_message_id}, or JSON null for {@code null}. */
  public AttemptDocument smsMessageId(String value) {
    return text(Fields.SMS_MESSAGE_ID, value);
  }

  /** Sets {@code agent_id}, or JSON null for {@code null}. */
  public AttemptDocument agentId(String value) {
    return text(Fields.AGENT_ID, value);
  }

  /** Sets {@code agent_config_version}, or JSON null for {@code null}. */
  public AttemptDocument agentConfigVersion(Integer value) {
    return number(Fields.AGENT_CONFIG_VERSION, value);
  }

  /** Sets {@code started_at}, or JSON null for {@code null}. */
  public AttemptDocument startedAt(Instant value) {
    return time(Fields.STARTED_AT, value);
  }

  /** Sets {@code ended_at}, or JSON null for {@code null}. */
  public AttemptDocument endedAt(Instant value) {
    return time(Fields.ENDED_AT, value);
  }
}
