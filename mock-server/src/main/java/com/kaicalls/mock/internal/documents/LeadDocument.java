package com.kaicalls.mock.internal.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** Builds a lead: openapi.yaml's {@code Lead}, the one place its document is shaped. */
public final class LeadDocument extends DocumentBuilder<LeadDocument> {

  /** The prefix of its ids. */
  public static final String ID_PREFIX = "lead_";

  private static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.OBJECT,
          Fields.FIRST_NAME,
          Fields.LAST_NAME,
          Fields.PHONE,
          Fields.EMAIL,
          Fields.STATUS,
          Fields.QUALIFIED,
          Fields.QUALIFICATION_NOTES,
          Fields.SOURCE,
          Fields.RUN_ID,
          Fields.APPOINTMENT,
          Fields.CREATED_AT,
          Fields.UPDATED_AT);

  private LeadDocument(String id, Instant createdAt) {
    super(FIELDS, Collections.LEAD, id, createdAt);
  }

  /**
   * A new document: {@code id} and {@code created_at} set, every other field {@code null} until
   * set.
   */
  public static LeadDocument of(String id, Instant createdAt) {
    return new LeadDocument(id, createdAt);
  }

  /** Sets {@code first_name}, or JSON null for {@code null}. */
  public LeadDocument firstName(String value) {
    return text(Fields.FIRST_NAME, value);
  }

  /** Sets {@code last_name}, or JSON null for {@code null}. */
  public LeadDocument lastName(String value) {
    return text(Fields.LAST_NAME, value);
  }

  /** Sets {@code phone}, or JSON null for {@code null}. */
  public LeadDocument phone(String value) {
    return text(Fields.PHONE, value);
  }

  /** Sets {@code email}, or JSON null for {@code null}. */
  public LeadDocument email(String value) {
    return text(Fields.EMAIL, value);
  }

  /** Sets {@code status}, or JSON null for {@code null}. */
  public LeadDocument status(String value) {
    return text(Fields.STATUS, value);
  }

  /** Sets {@code qualified}. */
  public LeadDocument qualified(boolean value) {
    return flag(Fields.QUALIFIED, value);
  }

  /** Sets {@code qualification_notes}, or JSON null for {@code null}. */
  public LeadDocument qualificationNotes(String value) {
    return text(Fields.QUALIFICATION_NOTES, value);
  }

  /** Sets {@code source}, or JSON null for {@code null}. */
  public LeadDocument source(String value) {
    return text(Fields.SOURCE, value);
  }

  /** Sets {@code run_id}, or JSON null for {@code null}. */
  public LeadDocument runId(String value) {
    return text(Fields.RUN_ID, value);
  }

  /** Sets {@code appointment}, or JSON null for {@code null}. */
  public LeadDocument appointment(JsonNode value) {
    return node(Fields.APPOINTMENT, value);
  }

  /** Sets {@code updated_at}, or JSON null for {@code null}. */
  public LeadDocument updatedAt(Instant value) {
    return time(Fields.UPDATED_AT, value);
  }
}
