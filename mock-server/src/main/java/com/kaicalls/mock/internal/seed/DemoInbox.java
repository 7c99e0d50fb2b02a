package com.kaicalls.mock.internal.seed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.documents.CallDocument;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.ConversationDocument;
import com.kaicalls.mock.internal.documents.ConversationMessageDocument;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.documents.LeadDocument;
import com.kaicalls.mock.internal.documents.SmsMessageDocument;
import com.kaicalls.mock.internal.resources.PhoneNumbers;
import java.time.Instant;

/**
 * The demo's inbound side: {@link DemoStory#NEW_CALLER} (lead, call, voice conversation), {@link
 * DemoStory#TEXTING_PATIENT} (lead, SMS conversation) and {@link DemoStory#FAILED_REMINDER}.
 */
final class DemoInbox {

  private final SeedWriter seed;

  DemoInbox(SeedWriter seed) {
    this.seed = seed;
  }

  /**
   * Seeds it; the calls are answered by agent {@code agentId} at config version {@code
   * agentVersion}.
   */
  void seed(String ws, String agentId, int agentVersion) {
    DemoStory.NewCaller caller = DemoStory.NEW_CALLER;
    String callerLead = seed.id(LeadDocument.ID_PREFIX);
    String callId = seed.id(CallDocument.ID_PREFIX);
    newCaller(ws, caller, callerLead, callId, agentId, agentVersion);
    textingPatient(ws, DemoStory.TEXTING_PATIENT);
    failedReminder(ws, DemoStory.FAILED_REMINDER);
    voiceConversation(ws, caller, callerLead, callId);
  }

  private void newCaller(
      String ws,
      DemoStory.NewCaller caller,
      String leadId,
      String callId,
      String agentId,
      int agentVersion) {
    Instant at = DemoSeed.at(caller.at());
    seed.save(
        ws,
        Collections.LEAD,
        LeadDocument.of(leadId, at)
            .firstName(caller.firstName())
            .phone(caller.phone())
            .status("new")
            .qualified(false)
            .source("inbound_call")
            .updatedAt(at)
            .build(),
        "lead.created",
        at);
    seed.save(
        ws,
        Collections.CALL,
        CallDocument.of(callId, at)
            .direction("inbound")
            .status("completed")
            .from(caller.phone())
            .to(PhoneNumbers.WORKSPACE)
            .leadId(leadId)
            .agentId(agentId)
            .agentConfigVersion(agentVersion)
            .startedAt(at)
            .answeredAt(at.plusSeconds(caller.answeredAfter()))
            .endedAt(at.plusSeconds(caller.seconds()))
            .durationSeconds(caller.seconds())
            .summary(caller.summary())
            .outcome("answered")
            .build(),
        "call.completed",
        at.plusSeconds(caller.seconds()));
  }

  private void textingPatient(String ws, DemoStory.TextingPatient patient) {
    String conversationId = seed.id(ConversationDocument.ID_PREFIX);
    String leadId = seed.id(LeadDocument.ID_PREFIX);
    seed.save(
        ws,
        Collections.LEAD,
        LeadDocument.of(leadId, DemoSeed.at(patient.createdAt()))
            .firstName(patient.firstName())
            .lastName(patient.lastName())
            .phone(patient.phone())
            .status("qualified")
            .qualified(true)
            .qualificationNotes(patient.qualificationNotes())
            .source("sms")
            .updatedAt(DemoSeed.at(patient.updatedAt()))
            .build(),
        "lead.created",
        DemoSeed.at(patient.createdAt()));
    Instant last = null;
    for (int i = 0; i < patient.texts().size(); i++) {
      DemoStory.Text text = patient.texts().get(i);
      last = DemoSeed.at(patient.firstTextAt() + i * 5);
      String smsId = seed.id(SmsMessageDocument.ID_PREFIX);
      ObjectNode sms =
          SmsMessageDocument.of(smsId, last)
              .direction(text.outbound() ? "outbound" : "inbound")
              .status(text.outbound() ? "delivered" : "received")
              .from(text.outbound() ? PhoneNumbers.WORKSPACE : patient.phone())
              .to(text.outbound() ? patient.phone() : PhoneNumbers.WORKSPACE)
              .body(text.body())
              .conversationId(conversationId)
              .leadId(leadId)
              .deliveredAt(text.outbound() ? last.plusSeconds(3) : null)
              .build();
      if (text.outbound()) {
        seed.event(
            ws,
            "sms.sent",
            sms.deepCopy().put(Fields.STATUS, "sent").putNull(Fields.DELIVERED_AT),
            last);
      }
      seed.save(
          ws,
          Collections.SMS_MESSAGE,
          sms,
          text.outbound() ? "sms.delivered" : "sms.received",
          last.plusSeconds(3));
      message(ws, conversationId, sms, last);
    }
    seed.save(
        ws,
        Collections.CONVERSATION,
        ConversationDocument.of(conversationId, DemoSeed.at(patient.firstTextAt()))
            .channel("sms")
            .participant(patient.phone())
            .leadId(leadId)
            .messageCount(patient.texts().size())
            .lastMessageAt(last)
            .build());
  }

  private void failedReminder(String ws, DemoStory.FailedReminder reminder) {
    String smsId = seed.id(SmsMessageDocument.ID_PREFIX);
    String conversationId = seed.id(ConversationDocument.ID_PREFIX);
    Instant at = DemoSeed.at(reminder.at());
    ObjectNode sms =
        seed.save(
            ws,
            Collections.SMS_MESSAGE,
            SmsMessageDocument.of(smsId, at)
                .direction("outbound")
                .status("failed")
                .from(PhoneNumbers.WORKSPACE)
                .to(reminder.to())
                .body(reminder.body())
                .conversationId(conversationId)
                .errorCode("carrier_error")
                .build(),
            "sms.failed",
            at.plusSeconds(2));
    message(ws, conversationId, sms, at);
    seed.save(
        ws,
        Collections.CONVERSATION,
        ConversationDocument.of(conversationId, at)
            .channel("sms")
            .participant(reminder.to())
            .messageCount(1)
            .lastMessageAt(at)
            .build());
  }

  private void voiceConversation(
      String ws, DemoStory.NewCaller caller, String leadId, String callId) {
    String conversationId = seed.id(ConversationDocument.ID_PREFIX);
    Instant at = DemoSeed.at(caller.at());
    seed.save(
        ws,
        Collections.CONVERSATION_MESSAGE,
        ConversationMessageDocument.of(seed.id(ConversationMessageDocument.ID_PREFIX), at)
            .conversationId(conversationId)
            .direction("inbound")
            .body(caller.summary())
            .callId(callId)
            .build());
    seed.save(
        ws,
        Collections.CONVERSATION,
        ConversationDocument.of(conversationId, at)
            .channel("voice")
            .participant(caller.phone())
            .leadId(leadId)
            .messageCount(1)
            .lastMessageAt(at)
            .build());
  }

  /** The conversation's copy of an SMS {@code sms}. */
  private void message(String ws, String conversationId, ObjectNode sms, Instant at) {
    seed.save(
        ws,
        Collections.CONVERSATION_MESSAGE,
        ConversationMessageDocument.of(seed.id(ConversationMessageDocument.ID_PREFIX), at)
            .conversationId(conversationId)
            .direction(sms.get(Fields.DIRECTION).asText())
            .body(sms.get(Fields.BODY).asText())
            .smsMessageId(sms.get(Fields.ID).asText())
            .build());
  }
}
