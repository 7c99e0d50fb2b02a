package com.kaicalls.mock.internal.documents;

import java.time.Instant;
import java.util.List;

/**
 * Builds an SMS message, sent or received: openapi.yaml's {@code SmsMessage}, the one place its
 * document is shaped.
 */
public final class SmsMessageDocument extends DocumentBuilder<SmsMessageDocument> {

  /** The prefix of its ids. */
  public static final String ID_PREFIX = "sms_";

  private static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.OBJECT,
          Fields.DIRECTION,
          Fields.STATUS,
          Fields.FROM,
          Fields.TO,
          Fields.BODY,
          Fields.CONVERSATION_ID,
          Fields.LEAD_ID,
          Fields.RUN_ID,
          Fields.JOB_ID,
          Fields.ATTEMPT_ID,
          Fields.ERROR_CODE,
          Fields.CREATED_AT,
          Fields.DELIVERED_AT);

  private SmsMessageDocument(String id, Instant createdAt) {
    super(FIELDS, Collections.SMS_MESSAGE, id, createdAt);
  }

  /**
   * A new document: {@code id} and {@code created_at} set, every other field {@code null} until
   * set.
   */
  public static SmsMessageDocument of(String id, Instant createdAt) {
    return new SmsMessageDocument(id, createdAt);
  }

  /** Sets {@code direction}, or JSON null for {@code null}. */
  public SmsMessageDocument direction(String value) {
    return text(Fields.DIRECTION, value);
  }

  /** Sets {@code status}, or JSON null for {@code null}. */
  public SmsMessageDocument status(String value) {
    return text(Fields.STATUS, value);
  }

  /** Sets {@code from}, or JSON null for {@code null}. */
  public SmsMessageDocument from(String value) {
    return text(Fields.FROM, value);
  }

  /** Sets {@code to}, or JSON null for {@code null}. */
  public SmsMessageDocument to(String value) {
    return text(Fields.TO, value);
  }

  /** Sets {@code body}, or JSON null for {@code null}. */
  public SmsMessageDocument body(String value) {
    return text(Fields.BODY, value);
  }

  /** Sets {@code conversation_id}, or JSON null for {@code null}. */
  public SmsMessageDocument conversationId(String value) {
    return text(Fields.CONVERSATION_ID, value);
  }

  /** Sets {@code lead_id}, or JSON null for {@code null}. */
  public SmsMessageDocument leadId(String value) {
    return text(Fields.LEAD_ID, value);
  }

  /** Sets {@code run_id}, or JSON null for {@code null}. */
  public SmsMessageDocument runId(String value) {
    return text(Fields.RUN_ID, value);
  }

  /** Sets {@code job_id}, or JSON null for {@code null}. */
  public SmsMessageDocument jobId(String value) {
    return text(Fields.JOB_ID, value);
  }

  /** Sets {@code attempt_id}, or JSON null for {@code null}. */
  public SmsMessageDocument attemptId(String value) {
    return text(Fields.ATTEMPT_ID, value);
  }

  /** Sets {@code error_code}, or JSON null for {@code null}. */
  public SmsMessageDocument errorCode(String value) {
    return text(Fields.ERROR_CODE, value);
  }

  /** Sets {@code delivered_at}, or JSON null for {@code null}. */
  public SmsMessageDocument deliveredAt(Instant value) {
    return time(Fields.DELIVERED_AT, value);
  }
}
