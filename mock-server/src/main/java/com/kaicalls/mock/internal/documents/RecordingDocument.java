package com.kaicalls.mock.internal.documents;

import java.time.Instant;
import java.util.List;

/**
 * Builds the recording of a call or voicemail (its audio is kept by RecordingAudio): openapi.yaml's
 * {@code Recording}, the one place its document is shaped.
 */
public final class RecordingDocument extends DocumentBuilder<RecordingDocument> {

  /** The prefix of its ids. */
  public static final String ID_PREFIX = "rec_";

  private static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.OBJECT,
          Fields.CALL_ID,
          Fields.DURATION_SECONDS,
          Fields.CONTENT_TYPE,
          Fields.SIZE_BYTES,
          Fields.KIND,
          Fields.TRANSCRIPT,
          Fields.CREATED_AT);

  private RecordingDocument(String id, Instant createdAt) {
    super(FIELDS, Collections.RECORDING, id, createdAt);
  }

  /**
   * A new document: {@code id} and {@code created_at} set, every other field {@code null} until
   * set.
   */
  public static RecordingDocument of(String id, Instant createdAt) {
    return new RecordingDocument(id, createdAt);
  }

  /** Sets {@code call_id}, or JSON null for {@code null}. */
  public RecordingDocument callId(String value) {
    return text(Fields.CALL_ID, value);
  }

  /** Sets {@code duration_seconds}. */
  public RecordingDocument durationSeconds(int value) {
    return number(Fields.DURATION_SECONDS, value);
  }

  /** Sets {@code content_type}, or JSON null for {@code null}. */
  public RecordingDocument contentType(String value) {
    return text(Fields.CONTENT_TYPE, value);
  }

  /** Sets {@code size_bytes}. */
  public RecordingDocument sizeBytes(int value) {
    return number(Fields.SIZE_BYTES, value);
  }

  /** Sets {@code kind}, or JSON null for {@code null}. */
  public RecordingDocument kind(String value) {
    return text(Fields.KIND, value);
  }

  /** Sets {@code transcript}, or JSON null for {@code null}. */
  public RecordingDocument transcript(String value) {
    return text(Fields.TRANSCRIPT, value);
  }
}
