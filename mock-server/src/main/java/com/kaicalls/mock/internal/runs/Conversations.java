package com.kaicalls.mock.internal.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.ConversationDocument;
import com.kaicalls.mock.internal.documents.ConversationMessageDocument;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SMS conversation with each phone number: found (or created) and grown by one message at a
 * time.
 */
public final class Conversations {

  private final Store store;
  private final Ids ids;

  /** workspace + phone → SMS conversation id, filled lazily from the store. */
  private final Map<String, Map<String, String>> byPhone = new ConcurrentHashMap<>();

  /** Conversations kept in {@code store}, new ones with ids from {@code ids}. */
  public Conversations(Store store, Ids ids) {
    this.store = store;
    this.ids = ids;
  }

  /** Forgets the index (the store was emptied or replaced). */
  void clear() {
    byPhone.clear();
  }

  /**
   * Adds a message to the SMS conversation with {@code phone} (created if needed); returns its id.
   */
  String add(
      String ws,
      String phone,
      String leadId,
      String direction,
      String body,
      String smsId,
      Instant now) {
    Map<String, String> index = byPhone.computeIfAbsent(ws, this::index);
    String id = index.get(phone);
    ObjectNode conversation = id == null ? null : store.get(ws, Collections.CONVERSATION, id);
    if (conversation == null) {
      id = ids.next(ConversationDocument.ID_PREFIX);
      conversation =
          ConversationDocument.of(id, now)
              .channel("sms")
              .participant(phone)
              .leadId(leadId)
              .messageCount(0)
              .build();
      index.put(phone, id);
    }
    conversation.put(Fields.MESSAGE_COUNT, conversation.get(Fields.MESSAGE_COUNT).asInt() + 1);
    conversation.put(Fields.LAST_MESSAGE_AT, Json.time(now));
    store.put(ws, Collections.CONVERSATION, conversation);
    store.put(
        ws,
        Collections.CONVERSATION_MESSAGE,
        ConversationMessageDocument.of(ids.next(ConversationMessageDocument.ID_PREFIX), now)
            .conversationId(id)
            .direction(direction)
            .body(body)
            .smsMessageId(smsId)
            .build());
    return id;
  }

  private Map<String, String> index(String ws) {
    Map<String, String> index = new ConcurrentHashMap<>();
    for (ObjectNode c : store.all(ws, Collections.CONVERSATION)) {
      if ("sms".equals(c.path(Fields.CHANNEL).asText())) {
        index.putIfAbsent(c.path(Fields.PARTICIPANT).asText(), c.get(Fields.ID).asText());
      }
    }
    return index;
  }
}
