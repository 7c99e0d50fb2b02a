package com.kaicalls.mock.internal.documents;

import java.time.Instant;
import java.util.List;

/**
 * Builds one message of a conversation: openapi.yaml's {@code ConversationMessage}, the one place
 * its document is shaped.
 */
public final class ConversationMessageDocument
    extends DocumentBuilder<ConversationMessageDocument> {

  /** The prefix of its ids. */
  public static final String ID_PREFIX = "msg_";

  private static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.OBJECT,
          Fields.CONVERSATION_ID,
          Fields.DIRECTION,
          Fields.BODY,
          Fields.SMS_MESSAGE_ID,
          Fields.CALL_ID,
          Fields.CREATED_AT);

  private ConversationMessageDocument(String id, Instant createdAt) {
    super(FIELDS, Collections.CONVERSATION_MESSAGE, id, createdAt);
  }

  /**
   * A new document: {@code id} and {@code created_at} set, every other field {@code null} until
   * set.
   */
  public static ConversationMessageDocument of(String id, Instant createdAt) {
    return new ConversationMessageDocument(id, createdAt);
  }

  /** Sets {@code conversation_id}, or JSON null for {@code null}. */
  public ConversationMessageDocument conversationId(String value) {
    return text(Fields.CONVERSATION_ID, value);
  }

  /** Sets {@code direction}, or JSON null for {@code null}. */
  public ConversationMessageDocument direction(String value) {
    return text(Fields.DIRECTION, value);
  }

  /** Sets {@code body}, or JSON null for {@code null}. */
  public ConversationMessageDocument body(String value) {
    return text(Fields.BODY, value);
  }

  /** Sets {@code sms_message_id}, or JSON null for {@code null}. */
  public ConversationMessageDocument smsMessageId(String value) {
    return text(Fields.SMS_MESSAGE_ID, value);
  }

  /** Sets {@code call_id}, or JSON null for {@code null}. */
  public ConversationMessageDocument callId(String value) {
    return text(Fields.CALL_ID, value);
  }
}
