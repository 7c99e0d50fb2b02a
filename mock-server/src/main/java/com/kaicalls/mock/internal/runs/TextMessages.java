package com.kaicalls.mock.internal.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.clock.Scheduler;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.documents.SmsMessageDocument;
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.resources.PhoneNumbers;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The SMS channel of a run: sends the rendered message of an attempt into the recipient's
 * conversation, then delivers or fails it as the {@link TestNumbers} decide; the replying number
 * texts back a minute later.
 */
public final class TextMessages {

  /** How long after it is sent a message is delivered or fails. */
  static final Duration DELIVERY_TIME = Duration.ofSeconds(3);

  private static final String REPLY = "sms.reply";

  private final Store store;
  private final Ledger ledger;
  private final Ids ids;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Conversations conversations;

  /** The SMS channel; registers the reply timer with {@code scheduler}. */
  public TextMessages(
      Store store,
      Ledger ledger,
      Ids ids,
      Clock clock,
      Scheduler scheduler,
      Conversations conversations) {
    this.store = store;
    this.ledger = ledger;
    this.ids = ids;
    this.clock = clock;
    this.scheduler = scheduler;
    this.conversations = conversations;
    scheduler.register(REPLY, this::reply);
  }

  /** Sends the message of an attempt ({@code sms.sent}); returns it. */
  ObjectNode send(String ws, JsonNode job, JsonNode run, JsonNode attempt, Instant now) {
    JsonNode recipient = job.get(Fields.RECIPIENT);
    String phone = Json.text(recipient, Fields.PHONE);
    String body = RunRules.render(Json.text(run, Fields.MESSAGE), recipient);
    String id = ids.next(SmsMessageDocument.ID_PREFIX);
    String lead = Json.text(recipient, Fields.LEAD_ID);
    ObjectNode sms =
        SmsMessageDocument.of(id, now)
            .direction("outbound")
            .status("sent")
            .from(PhoneNumbers.WORKSPACE)
            .to(phone)
            .body(body)
            .conversationId(conversations.add(ws, phone, lead, "outbound", body, id, now))
            .leadId(lead)
            .runId(job.get(Fields.RUN_ID).asText())
            .jobId(job.get(Fields.ID).asText())
            .attemptId(attempt.get(Fields.ID).asText())
            .build();
    ledger.save(ws, Collections.SMS_MESSAGE, sms, "sms.sent");
    return sms;
  }

  /** Delivers ({@code sms.delivered}) or fails ({@code sms.failed}) the message {@code smsId}. */
  AttemptOutcome end(String ws, String smsId, TestNumbers behaviour, Instant now) {
    ObjectNode sms = store.get(ws, Collections.SMS_MESSAGE, smsId);
    if (behaviour == TestNumbers.SMS_FAILS) {
      sms.put(Fields.STATUS, "failed").put(Fields.ERROR_CODE, "carrier_error");
      ledger.save(ws, Collections.SMS_MESSAGE, sms, "sms.failed");
      return new AttemptOutcome("carrier_error", false);
    }
    sms.put(Fields.STATUS, "delivered").put(Fields.DELIVERED_AT, Json.time(now));
    ledger.save(ws, Collections.SMS_MESSAGE, sms, "sms.delivered");
    if (behaviour == TestNumbers.SMS_REPLIES) {
      scheduler.schedule(
          ws, "reply:" + smsId, REPLY, now.plusSeconds(60), Json.object().put("sms_id", smsId));
    }
    return new AttemptOutcome("delivered", true);
  }

  private void reply(String ws, ObjectNode timer) {
    ObjectNode sent = store.get(ws, Collections.SMS_MESSAGE, timer.get("sms_id").asText());
    if (sent == null) {
      return;
    }
    Instant now = clock.instant();
    String body = CallScripts.reply();
    String contact = sent.get(Fields.TO).asText();
    String lead = Json.text(sent, Fields.LEAD_ID);
    String id = ids.next(SmsMessageDocument.ID_PREFIX);
    ObjectNode sms =
        SmsMessageDocument.of(id, now)
            .direction("inbound")
            .status("received")
            .from(contact)
            .to(sent.get(Fields.FROM).asText())
            .body(body)
            .conversationId(conversations.add(ws, contact, lead, "inbound", body, id, now))
            .leadId(lead)
            .runId(Json.text(sent, Fields.RUN_ID))
            .build();
    ledger.save(ws, Collections.SMS_MESSAGE, sms, "sms.received");
  }
}
