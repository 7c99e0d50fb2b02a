package com.kaicalls.mock.internal.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.documents.AppointmentDocument;
import com.kaicalls.mock.internal.documents.CallDocument;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.documents.LeadDocument;
import com.kaicalls.mock.internal.documents.RecordingDocument;
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.resources.PhoneNumbers;
import com.kaicalls.mock.internal.resources.RecordingAudio;
import com.kaicalls.mock.internal.resources.Wav;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The voice channel of a run: places the call of an attempt and ends it as the {@link TestNumbers}
 * decide, with its recording, the recipient's lead and, for the booking number, an appointment.
 */
public final class VoiceCalls {

  private final Store store;
  private final Ledger ledger;
  private final Ids ids;
  private final RecordingAudio audio;
  private final CallScripts scripts;

  /** The voice channel, writing through {@code ledger} and keeping audio in {@code audio}. */
  public VoiceCalls(
      Store store, Ledger ledger, Ids ids, RecordingAudio audio, CallScripts scripts) {
    this.store = store;
    this.ledger = ledger;
    this.ids = ids;
    this.audio = audio;
    this.scripts = scripts;
  }

  /** How long the call of {@code behaviour} lasts. */
  static Duration duration(TestNumbers behaviour) {
    return switch (behaviour) {
      case VOICEMAIL -> Duration.ofSeconds(40);
      case NO_ANSWER -> Duration.ofSeconds(30);
      case BUSY -> Duration.ofSeconds(5);
      default -> Duration.ofMinutes(2);
    };
  }

  /** Places the call of an attempt ({@code call.started}); returns it. */
  ObjectNode place(String ws, JsonNode job, JsonNode attempt, TestNumbers behaviour, Instant now) {
    JsonNode recipient = job.get(Fields.RECIPIENT);
    boolean rings = behaviour == TestNumbers.NO_ANSWER || behaviour == TestNumbers.BUSY;
    ObjectNode call =
        CallDocument.of(ids.next(CallDocument.ID_PREFIX), now)
            .direction("outbound")
            .status(rings ? "ringing" : "in_progress")
            .from(PhoneNumbers.WORKSPACE)
            .to(Json.text(recipient, Fields.PHONE))
            .leadId(Json.text(recipient, Fields.LEAD_ID))
            .runId(job.get(Fields.RUN_ID).asText())
            .jobId(job.get(Fields.ID).asText())
            .attemptId(attempt.get(Fields.ID).asText())
            .agentId(attempt.get(Fields.AGENT_ID).asText())
            .agentConfigVersion(attempt.path(Fields.AGENT_CONFIG_VERSION).asInt(1))
            .startedAt(now)
            .durationSeconds(0)
            .build();
    ledger.save(ws, Collections.CALL, call, "call.started");
    return call;
  }

  /** Ends the call {@code callId} of {@code job}'s attempt started at {@code started}. */
  AttemptOutcome end(
      String ws,
      JsonNode job,
      JsonNode run,
      String callId,
      TestNumbers behaviour,
      Instant started,
      Instant now) {
    ObjectNode call = store.get(ws, Collections.CALL, callId);
    call.put(Fields.ENDED_AT, Json.time(now));
    String first = firstName(job);
    switch (behaviour) {
      case NO_ANSWER, BUSY -> {
        String outcome = behaviour == TestNumbers.NO_ANSWER ? "no_answer" : "busy";
        call.put(Fields.STATUS, outcome).put(Fields.OUTCOME, outcome);
        ledger.save(ws, Collections.CALL, call, "call.completed");
        return new AttemptOutcome(outcome, false);
      }
      case VOICEMAIL -> {
        ObjectNode recording =
            recording(ws, call, "voicemail", now, 660, scripts.voicemail(ws, first));
        call.put(Fields.STATUS, "voicemail").put(Fields.OUTCOME, "voicemail");
        call.put(Fields.RECORDING_ID, recording.get(Fields.ID).asText());
        call.put(Fields.SUMMARY, "Left a voicemail.");
        ledger.save(ws, Collections.CALL, call, "voicemail.received");
        ledger.save(ws, Collections.RECORDING, recording, "recording.ready");
        return new AttemptOutcome("voicemail", true);
      }
      default -> {
        answer(ws, job, run, call, behaviour == TestNumbers.ANSWERS_AND_BOOKS, started, now);
        return new AttemptOutcome("answered", true);
      }
    }
  }

  private void answer(
      String ws,
      JsonNode job,
      JsonNode run,
      ObjectNode call,
      boolean books,
      Instant started,
      Instant now) {
    String first = firstName(job);
    Instant answered = started.plusSeconds(5);
    ObjectNode recording =
        recording(ws, call, "call", now, 440, scripts.answered(ws, first, books));
    ObjectNode lead = lead(ws, job, run, now);
    call.put(Fields.LEAD_ID, lead.get(Fields.ID).asText());
    call.put(Fields.STATUS, "completed").put(Fields.ANSWERED_AT, Json.time(answered));
    call.put(Fields.DURATION_SECONDS, Duration.between(answered, now).toSeconds());
    call.put(Fields.RECORDING_ID, recording.get(Fields.ID).asText());
    call.put(Fields.SUMMARY, CallScripts.summary(first, books));
    call.put(Fields.OUTCOME, books ? "appointment_booked" : "answered");
    ledger.save(ws, Collections.CALL, call, "call.completed");
    ledger.save(ws, Collections.RECORDING, recording, "recording.ready");
    if (store.get(ws, Collections.LEAD, lead.get(Fields.ID).asText()) == null) {
      ledger.save(ws, Collections.LEAD, lead, "lead.created");
    }
    if (books) {
      book(ws, lead, call, now);
    }
  }

  private ObjectNode recording(
      String ws, JsonNode call, String kind, Instant now, double hz, String transcript) {
    byte[] wav = Wav.tone(hz, 1000);
    ObjectNode recording =
        RecordingDocument.of(ids.next(RecordingDocument.ID_PREFIX), now)
            .callId(call.get(Fields.ID).asText())
            .durationSeconds(1)
            .contentType("audio/wav")
            .sizeBytes(wav.length)
            .kind(kind)
            .transcript(transcript)
            .build();
    audio.put(ws, recording, wav);
    return recording;
  }

  /**
   * The recipient's lead: the one named by {@code lead_id}, or a new (not yet saved) one from the
   * run.
   */
  private ObjectNode lead(String ws, JsonNode job, JsonNode run, Instant now) {
    JsonNode recipient = job.get(Fields.RECIPIENT);
    String leadId = Json.text(recipient, Fields.LEAD_ID);
    ObjectNode existing = leadId == null ? null : store.get(ws, Collections.LEAD, leadId);
    if (existing != null) {
      return existing;
    }
    return LeadDocument.of(ids.next(LeadDocument.ID_PREFIX), now)
        .firstName(firstName(job))
        .phone(Json.text(recipient, Fields.PHONE))
        .email(Json.text(recipient, Fields.EMAIL))
        .status("contacted")
        .qualified(false)
        .source("outbound_run")
        .runId(run.get(Fields.ID).asText())
        .updatedAt(now)
        .build(); // saved by the caller, after the call's own events
  }

  /**
   * The lead qualifies ({@code lead.qualified}) and books an appointment a week out ({@code
   * appointment.booked}).
   */
  private void book(String ws, ObjectNode lead, JsonNode call, Instant now) {
    lead.put(Fields.QUALIFIED, true);
    lead.put(Fields.STATUS, "qualified");
    lead.put(
        Fields.QUALIFICATION_NOTES, "Reached by the run; due for a check-up and wants to book.");
    lead.put(Fields.UPDATED_AT, Json.time(now));
    ledger.save(ws, Collections.LEAD, lead, "lead.qualified");
    Instant starts = now.plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);
    ObjectNode appointment =
        AppointmentDocument.of(ids.next(AppointmentDocument.ID_PREFIX), now)
            .leadId(lead.get(Fields.ID).asText())
            .callId(call.get(Fields.ID).asText())
            .startsAt(starts)
            .endsAt(starts.plus(Duration.ofMinutes(45)))
            .notes("Booked during an outbound call.")
            .build();
    store.put(ws, Collections.APPOINTMENT, appointment);
    lead.put(Fields.STATUS, "booked");
    lead.set(Fields.APPOINTMENT, appointment);
    store.put(ws, Collections.LEAD, lead);
    ledger.append(ws, "appointment.booked", appointment);
  }

  static String firstName(JsonNode job) {
    String name = Json.text(job.get(Fields.RECIPIENT), Fields.FIRST_NAME);
    return name == null ? "there" : name;
  }
}
