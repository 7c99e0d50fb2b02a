package com.kaicalls.mock.internal.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.List;

/**
 * Builds the delivery of an event to a webhook subscription: openapi.yaml's {@code EventDelivery}.
 */
public final class EventDeliveryDocument extends DocumentBuilder<EventDeliveryDocument> {

  /** The prefix of its ids. */
  public static final String ID_PREFIX = "dlv_";

  private static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.OBJECT,
          Fields.EVENT_ID,
          Fields.EVENT_TYPE,
          Fields.SUBSCRIPTION_ID,
          Fields.URL,
          Fields.TRIGGER,
          Fields.BACKFILL_ID,
          Fields.STATUS,
          Fields.ATTEMPT,
          Fields.NEXT_ATTEMPT_AT,
          Fields.REQUEST_HEADERS,
          Fields.RESPONSE_STATUS,
          Fields.RESPONSE_BODY,
          Fields.ERROR,
          Fields.DURATION_MS,
          Fields.LAST_ATTEMPT_AT,
          Fields.ATTEMPTS,
          Fields.CREATED_AT);

  private EventDeliveryDocument(String id, Instant createdAt) {
    super(FIELDS, Collections.EVENT_DELIVERY, id, createdAt);
  }

  /**
   * A new document: {@code id} and {@code created_at} set, every other field {@code null} until
   * set.
   */
  public static EventDeliveryDocument of(String id, Instant createdAt) {
    return new EventDeliveryDocument(id, createdAt);
  }

  /** Sets {@code event_id} and {@code event_type} from the delivered event. */
  public EventDeliveryDocument event(JsonNode event) {
    text(Fields.EVENT_ID, event.get(Fields.ID).asText());
    return text(Fields.EVENT_TYPE, event.get(Fields.TYPE).asText());
  }

  /** Sets {@code subscription_id} and {@code url} from the receiving subscription. */
  public EventDeliveryDocument subscription(JsonNode subscription) {
    text(Fields.SUBSCRIPTION_ID, subscription.get(Fields.ID).asText());
    return text(Fields.URL, subscription.get(Fields.URL).asText());
  }

  /** Sets {@code trigger} ({@code live}, {@code backfill}, {@code replay}). */
  public EventDeliveryDocument trigger(String value) {
    return text(Fields.TRIGGER, value);
  }

  /** Sets {@code backfill_id}, or JSON null for {@code null}. */
  public EventDeliveryDocument backfillId(String value) {
    return text(Fields.BACKFILL_ID, value);
  }

  /** Sets {@code status}. */
  public EventDeliveryDocument status(String value) {
    return text(Fields.STATUS, value);
  }

  /** Sets {@code attempt}, the number of attempts made. */
  public EventDeliveryDocument attempt(int value) {
    return number(Fields.ATTEMPT, value);
  }

  /** Sets {@code next_attempt_at}, or JSON null for {@code null}. */
  public EventDeliveryDocument nextAttemptAt(Instant value) {
    return time(Fields.NEXT_ATTEMPT_AT, value);
  }

  /**
   * Sets {@code attempts} and the fields that repeat the last of them ({@code request_headers} to
   * {@code last_attempt_at}), which stay {@code null} while there is none.
   */
  public EventDeliveryDocument attempts(ArrayNode attempts) {
    if (!attempts.isEmpty()) {
      JsonNode last = attempts.get(attempts.size() - 1);
      node(Fields.REQUEST_HEADERS, last.get(Fields.REQUEST_HEADERS).deepCopy());
      node(Fields.RESPONSE_STATUS, last.get(Fields.RESPONSE_STATUS));
      node(Fields.RESPONSE_BODY, last.get(Fields.RESPONSE_BODY));
      node(Fields.ERROR, last.get(Fields.ERROR));
      node(Fields.DURATION_MS, last.get(Fields.DURATION_MS));
      node(Fields.LAST_ATTEMPT_AT, last.get(Fields.ATTEMPTED_AT));
    }
    return node(Fields.ATTEMPTS, attempts);
  }
}
