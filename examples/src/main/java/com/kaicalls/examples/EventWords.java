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

  /** {@code 09:00:05 call.completed Call to +14155550100 answered (42 s)} */
  static String line(Event event) {
    return String.format(
        "%s  %-28s %s", TIME.format(event.createdAt()), event.type(), describe(event));
  }

  static String describe(Event event) {
    if (event instanceof CommunicationRunCreatedEvent e) {
      CommunicationRun run = e.data().object();
      return "Run "
          + run.id()
          + " created for "
          + run.recipientsCount()
          + " recipients, status "
          + run.status();
    }
    if (event instanceof CommunicationRunCompletedEvent e) {
      return "Run " + e.data().object().id() + " completed: " + counts(e.data().object().counts());
    }
    if (event instanceof CommunicationRunCancelledEvent e) {
      return "Run " + e.data().object().id() + " cancelled";
    }
    if (event instanceof CommunicationRunPausedEvent e) {
      return "Run " + e.data().object().id() + " paused";
    }
    if (event instanceof CommunicationRunResumedEvent e) {
      return "Run " + e.data().object().id() + " resumed";
    }
    if (event instanceof CallStartedEvent e) {
      return "Calling " + e.data().object().to();
    }
    if (event instanceof CallCompletedEvent e) {
      Call call = e.data().object();
      return "Call to "
          + call.to()
          + " ended: "
          + call.outcome().map(Object::toString).orElse("no outcome")
          + " ("
          + call.durationSeconds()
          + " s)";
    }
    if (event instanceof VoicemailReceivedEvent e) {
      return "Voicemail left for " + e.data().object().to();
    }
    if (event instanceof JobCompletedEvent e) {
      Job job = e.data().object();
      String who = contact(job);
      return "Done with "
          + who
          + ": "
          + job.outcome().map(Object::toString).orElse("no outcome")
          + " after "
          + job.attemptsCount()
          + " attempt(s)";
    }
    if (event instanceof LeadCreatedEvent e) {
      return "New lead " + name(e.data().object());
    }
    if (event instanceof LeadQualifiedEvent e) {
      return "Lead " + name(e.data().object()) + " qualified";
    }
    if (event instanceof AppointmentBookedEvent e) {
      return "Appointment booked for "
          + e.data().object().map(a -> a.startsAt().toString()).orElse("an unknown time");
    }
    if (event instanceof RecordingReadyEvent e) {
      return "Recording "
          + e.data().object().id()
          + " of call "
          + e.data().object().callId()
          + " ready";
    }
    if (event instanceof SmsSentEvent e) {
      return "Text sent to " + e.data().object().to();
    }
    if (event instanceof SmsDeliveredEvent e) {
      return "Text delivered to " + e.data().object().to();
    }
    if (event instanceof SmsFailedEvent e) {
      return "Text to "
          + e.data().object().to()
          + " failed ("
          + e.data().object().errorCode().orElse("no code")
          + ")";
    }
    if (event instanceof SmsReceivedEvent e) {
      return "Text received from " + e.data().object().from();
    }
    if (event instanceof WebhookSubscriptionTestEvent e) {
      return "Test event for subscription " + e.data().object().subscriptionId();
    }
    return event.id();
  }

  /** The run an event belongs to, when its object says. */
  static Optional<String> runId(Event event) {
    if (event instanceof CommunicationRunCreatedEvent e) {
      return Optional.of(e.data().object().id());
    }
    if (event instanceof CommunicationRunCompletedEvent e) {
      return Optional.of(e.data().object().id());
    }
    if (event instanceof CommunicationRunCancelledEvent e) {
      return Optional.of(e.data().object().id());
    }
    if (event instanceof CommunicationRunPausedEvent e) {
      return Optional.of(e.data().object().id());
    }
    if (event instanceof CommunicationRunResumedEvent e) {
      return Optional.of(e.data().object().id());
    }
    if (event instanceof CallStartedEvent e) {
      return e.data().object().runId();
    }
    if (event instanceof CallCompletedEvent e) {
      return e.data().object().runId();
    }
    if (event instanceof VoicemailReceivedEvent e) {
      return e.data().object().runId();
    }
    if (event instanceof JobCompletedEvent e) {
      return Optional.of(e.data().object().runId());
    }
    if (event instanceof LeadCreatedEvent e) {
      return e.data().object().runId();
    }
    if (event instanceof LeadQualifiedEvent e) {
      return e.data().object().runId();
    }
    if (event instanceof SmsSentEvent e) {
      return e.data().object().runId();
    }
    if (event instanceof SmsDeliveredEvent e) {
      return e.data().object().runId();
    }
    if (event instanceof SmsFailedEvent e) {
      return e.data().object().runId();
    }
    return Optional.empty();
  }

  /** Whether the event ends the run: completed or cancelled. */
  static boolean endsRun(Event event, String runId) {
    return (event instanceof CommunicationRunCompletedEvent
            || event instanceof CommunicationRunCancelledEvent)
        && runId(event).filter(runId::equals).isPresent();
  }

  static String counts(RunCounts counts) {
    if (counts == null) {
      return "no counts";
    }
    return counts.succeeded()
        + " succeeded, "
        + counts.failed()
        + " failed, "
        + counts.skipped()
        + " skipped";
  }

  private static String contact(Job job) {
    String phone = job.recipient().phone().or(() -> job.recipient().email()).orElse(job.id());
    return job.recipient().firstName().map(name -> name + " (" + phone + ")").orElse(phone);
  }

  private static String name(Lead lead) {
    String name = (lead.firstName() + " " + lead.lastName().orElse("")).trim();
    return name.isEmpty() ? lead.id() : name;
  }
}
