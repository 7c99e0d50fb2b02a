package com.kaicalls.mock.internal.documents;

import java.time.Instant;
import java.util.List;

/**
 * Builds a conversation with one participant over one channel: openapi.yaml's {@code Conversation},
 * the one place its document is shaped.
 */
public final class ConversationDocument extends DocumentBuilder<ConversationDocument> {

  /** The prefix of its ids. */
  public static final String ID_PREFIX = "conv_";

  private static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.OBJECT,
          Fields.CHANNEL,
          Fields.PARTICIPANT,
          Fields.LEAD_ID,
          Fields.MESSAGE_COUNT,
          Fields.LAST_MESSAGE_AT,
          Fields.CREATED_AT);

  private ConversationDocument(String id, Instant createdAt) {
    super(FIELDS, Collections.CONVERSATION, id, createdAt);
  }

  /**
   * A new document: {@code id} and {@code created_at} set, every other field {@code null} until
   * set.
   */
  public static ConversationDocument of(String id, Instant createdAt) {
    return new ConversationDocument(id, createdAt);
  }

  /** Sets {@code channel}, or JSON null for {@code null}. */
  public ConversationDocument channel(String value) {
    return text(Fields.CHANNEL, value);
  }

  /** Sets {@code participant}, or JSON null for {@code null}. */
  public ConversationDocument participant(String value) {
    return text(Fields.PARTICIPANT, value);
  }

  /** Sets {@code lead_id}, or JSON null for {@code null}. */
  public ConversationDocument leadId(String value) {
    return text(Fields.LEAD_ID, value);
  }

  /** Sets {@code message_count}. */
  public ConversationDocument messageCount(int value) {
    return number(Fields.MESSAGE_COUNT, value);
  }

  /** Sets {@code last_message_at}, or JSON null for {@code null}. */
  public ConversationDocument lastMessageAt(Instant value) {
    return time(Fields.LAST_MESSAGE_AT, value);
  }
}
