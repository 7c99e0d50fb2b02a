package com.kaicalls.mock.internal.documents;

import java.time.Instant;
import java.util.List;

/**
 * Builds an appointment booked for a lead: openapi.yaml's {@code Appointment}, the one place its
 * document is shaped.
 */
public final class AppointmentDocument extends DocumentBuilder<AppointmentDocument> {

  /** The prefix of its ids. */
  public static final String ID_PREFIX = "appt_";

  private static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.OBJECT,
          Fields.LEAD_ID,
          Fields.CALL_ID,
          Fields.STARTS_AT,
          Fields.ENDS_AT,
          Fields.NOTES,
          Fields.CREATED_AT);

  private AppointmentDocument(String id, Instant createdAt) {
    super(FIELDS, Collections.APPOINTMENT, id, createdAt);
  }

  /**
   * A new document: {@code id} and {@code created_at} set, every other field {@code null} until
   * set.
   */
  public static AppointmentDocument of(String id, Instant createdAt) {
    return new AppointmentDocument(id, createdAt);
  }

  /** Sets {@code lead_id}, or JSON null for {@code null}. */
  public AppointmentDocument leadId(String value) {
    return text(Fields.LEAD_ID, value);
  }

  /** Sets {@code call_id}, or JSON null for {@code null}. */
  public AppointmentDocument callId(String value) {
    return text(Fields.CALL_ID, value);
  }

  /** Sets {@code starts_at}, or JSON null for {@code null}. */
  public AppointmentDocument startsAt(Instant value) {
    return time(Fields.STARTS_AT, value);
  }

  /** Sets {@code ends_at}, or JSON null for {@code null}. */
  public AppointmentDocument endsAt(Instant value) {
    return time(Fields.ENDS_AT, value);
  }

  /** Sets {@code notes}, or JSON null for {@code null}. */
  public AppointmentDocument notes(String value) {
    return text(Fields.NOTES, value);
  }
}
