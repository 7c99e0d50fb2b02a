package com.kaicalls.examples;

import com.kaicalls.sdk.models.AppointmentBookedEvent;
import com.kaicalls.sdk.models.Call;
import com.kaicalls.sdk.models.CallCompletedEvent;
import com.kaicalls.sdk.models.CallStartedEvent;
import com.kaicalls.sdk.models.CommunicationRun;
import com.kaicalls.sdk.models.CommunicationRunCancelledEvent;
import com.kaicalls.sdk.models.CommunicationRunCompletedEvent;
import com.kaicalls.sdk.models.CommunicationRunCreatedEvent;
import com.kaicalls.sdk.models.CommunicationRunPausedEvent;
import com.kaicalls.sdk.models.CommunicationRunResumedEvent;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.sdk.models.Job;
import com.kaicalls.sdk.models.JobCompletedEvent;
import com.kaicalls.sdk.models.Lead;
import com.kaicalls.sdk.models.LeadCreatedEvent;
import com.kaicalls.sdk.models.LeadQualifiedEvent;
import com.kaicalls.sdk.models.RecordingReadyEvent;
import com.kaicalls.sdk.models.RunCounts;
import com.kaicalls.sdk.models.SmsDeliveredEvent;
import com.kaicalls.sdk.models.SmsFailedEvent;
import com.kaicalls.sdk.models.SmsReceivedEvent;
import com.kaicalls.sdk.models.SmsSentEvent;
import com.kaicalls.sdk.models.VoicemailReceivedEvent;
import com.kaicalls.sdk.models.WebhookSubscriptionTestEvent;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Says what an event means, in a few plain words, and which run (if any) it belongs to. */
final class EventWords {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private EventWords() {}

  /** {@code 09:00:05  call.completed  Call to +14155550100 answered (42 s)} */
  static String line(Event event) {
    return String.format("%s  %-28s %s", TIME.format(event.getCreatedAt()), event.typeValue(), describe(event));
  }

  static String describe(Event event) {
    if (event instanceof CommunicationRunCreatedEvent e) {
      CommunicationRun run = e.getData().getObject();
      return "Run " + run.getId() + " created for " + run.getRecipientsCount() + " recipients, status " + run.getStatus();
    }
    if (event instanceof CommunicationRunCompletedEvent e) {
      return "Run " + e.getData().getObject().getId() + " completed: " + counts(e.getData().getObject().getCounts());
    }
    if (event instanceof CommunicationRunCancelledEvent e) {
      return "Run " + e.getData().getObject().getId() + " cancelled";
    }
    if (event instanceof CommunicationRunPausedEvent e) {
      return "Run " + e.getData().getObject().getId() + " paused";
    }
    if (event instanceof CommunicationRunResumedEvent e) {
      return "Run " + e.getData().getObject().getId() + " resumed";
    }
    if (event instanceof CallStartedEvent e) {
      return "Calling " + e.getData().getObject().getTo();
    }
    if (event instanceof CallCompletedEvent e) {
      Call call = e.getData().getObject();
      return "Call to " + call.getTo() + " ended: " + call.getOutcome()
          + (call.getDurationSeconds() == null ? "" : " (" + call.getDurationSeconds() + " s)");
    }
    if (event instanceof VoicemailReceivedEvent e) {
      return "Voicemail left for " + e.getData().getObject().getTo();
    }
    if (event instanceof JobCompletedEvent e) {
      Job job = e.getData().getObject();
      String who = job.getRecipient() == null ? job.getId() : contact(job);
      return "Done with " + who + ": " + job.getOutcome() + " after " + job.getAttemptsCount() + " attempt(s)";
    }
    if (event instanceof LeadCreatedEvent e) {
      return "New lead " + name(e.getData().getObject());
    }
    if (event instanceof LeadQualifiedEvent e) {
      return "Lead " + name(e.getData().getObject()) + " qualified";
    }
    if (event instanceof AppointmentBookedEvent e) {
      return "Appointment booked for " + e.getData().getObject().getStartsAt();
    }
    if (event instanceof RecordingReadyEvent e) {
      return "Recording " + e.getData().getObject().getId() + " of call " + e.getData().getObject().getCallId() + " ready";
    }
    if (event instanceof SmsSentEvent e) {
      return "Text sent to " + e.getData().getObject().getTo();
    }
    if (event instanceof SmsDeliveredEvent e) {
      return "Text delivered to " + e.getData().getObject().getTo();
    }
    if (event instanceof SmsFailedEvent e) {
      return "Text to " + e.getData().getObject().getTo() + " failed (" + e.getData().getObject().getErrorCode() + ")";
    }
    if (event instanceof SmsReceivedEvent e) {
      return "Text received from " + e.getData().getObject().getFrom();
    }
    if (event instanceof WebhookSubscriptionTestEvent e) {
      return "Test event for subscription " + e.getData().getObject().getSubscriptionId();
    }
    return event.getId();
  }

  /** The run an event belongs to, when its object says. */
  static Optional<String> runId(Event event) {
    if (event instanceof CommunicationRunCreatedEvent e) {
      return Optional.of(e.getData().getObject().getId());
    }
    if (event instanceof CommunicationRunCompletedEvent e) {
      return Optional.of(e.getData().getObject().getId());
    }
    if (event instanceof CommunicationRunCancelledEvent e) {
      return Optional.of(e.getData().getObject().getId());
    }
    if (event instanceof CommunicationRunPausedEvent e) {
      return Optional.of(e.getData().getObject().getId());
    }
    if (event instanceof CommunicationRunResumedEvent e) {
      return Optional.of(e.getData().getObject().getId());
    }
    if (event instanceof CallStartedEvent e) {
      return Optional.ofNullable(e.getData().getObject().getRunId());
    }
    if (event instanceof CallCompletedEvent e) {
      return Optional.ofNullable(e.getData().getObject().getRunId());
    }
    if (event instanceof VoicemailReceivedEvent e) {
      return Optional.ofNullable(e.getData().getObject().getRunId());
    }
    if (event instanceof JobCompletedEvent e) {
      return Optional.ofNullable(e.getData().getObject().getRunId());
    }
    if (event instanceof LeadCreatedEvent e) {
      return Optional.ofNullable(e.getData().getObject().getRunId());
    }
    if (event instanceof LeadQualifiedEvent e) {
      return Optional.ofNullable(e.getData().getObject().getRunId());
    }
    if (event instanceof SmsSentEvent e) {
      return Optional.ofNullable(e.getData().getObject().getRunId());
    }
    if (event instanceof SmsDeliveredEvent e) {
      return Optional.ofNullable(e.getData().getObject().getRunId());
    }
    if (event instanceof SmsFailedEvent e) {
      return Optional.ofNullable(e.getData().getObject().getRunId());
    }
    return Optional.empty();
  }

  /** Whether the event ends the run: completed or cancelled. */
  static boolean endsRun(Event event, String runId) {
    return (event instanceof CommunicationRunCompletedEvent || event instanceof CommunicationRunCancelledEvent)
        && runId(event).filter(runId::equals).isPresent();
  }

  static String counts(RunCounts counts) {
    if (counts == null) {
      return "no counts";
    }
    return counts.getSucceeded() + " succeeded, " + counts.getFailed() + " failed, " + counts.getSkipped() + " skipped";
  }

  private static String contact(Job job) {
    String phone = job.getRecipient().getPhone() != null ? job.getRecipient().getPhone() : job.getRecipient().getEmail();
    return job.getRecipient().getFirstName() == null ? phone : job.getRecipient().getFirstName() + " (" + phone + ")";
  }

  private static String name(Lead lead) {
    String name = ((lead.getFirstName() == null ? "" : lead.getFirstName()) + " "
        + (lead.getLastName() == null ? "" : lead.getLastName())).trim();
    return name.isEmpty() ? lead.getId() : name;
  }
}
