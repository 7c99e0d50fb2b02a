package com.kaicalls.mock.internal.seed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.documents.AppointmentDocument;
import com.kaicalls.mock.internal.documents.AttemptDocument;
import com.kaicalls.mock.internal.documents.CallDocument;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.documents.JobDocument;
import com.kaicalls.mock.internal.documents.LeadDocument;
import com.kaicalls.mock.internal.documents.RecordingDocument;
import com.kaicalls.mock.internal.documents.RunDocument;
import com.kaicalls.mock.internal.resources.PhoneNumbers;
import com.kaicalls.mock.internal.resources.RecordingAudio;
import com.kaicalls.mock.internal.resources.Wav;
import com.kaicalls.mock.internal.store.Json;
import java.time.Instant;

/**
 * The demo's finished outbound run, {@link DemoStory#RECALL_PATIENTS}: one job, attempt and call
 * per patient, with their leads, recordings and the booked appointment, and every event of that.
 */
final class DemoRecallRun {

  private static final int CREATED_AT = -1560;
  private static final int STARTED_AT = -1500;
  private static final int COMPLETED_AT = -1300;
  private static final int MAX_ATTEMPTS = 2;

  private final SeedWriter seed;
  private final RecordingAudio recordings;

  DemoRecallRun(SeedWriter seed, RecordingAudio recordings) {
    this.seed = seed;
    this.recordings = recordings;
  }

  /** Seeds the run, made by agent {@code agentId} at config version {@code agentVersion}. */
  void seed(String ws, String agentId, int agentVersion) {
    String runId = seed.id(RunDocument.ID_PREFIX);
    int reached = (int) DemoStory.RECALL_PATIENTS.stream().filter(p -> p.result().reached).count();
    int patients = DemoStory.RECALL_PATIENTS.size();
    ObjectNode run =
        RunDocument.of(runId, DemoSeed.at(CREATED_AT))
            .name(DemoStory.RECALL_RUN_NAME)
            .agentId(agentId)
            .channel("voice")
            .status("completed")
            .schedule(
                RunDocument.schedule(
                    DemoSeed.at(STARTED_AT),
                    DemoStory.RECALL_TIMEZONE,
                    RunDocument.quietHours("20:00", "09:00")))
            .maxAttempts(MAX_ATTEMPTS)
            .metadata(Json.object().put("campaign", DemoStory.RECALL_CAMPAIGN))
            .recipientsCount(patients)
            .counts(RunDocument.counts(0, 0, reached, patients - reached, 0))
            .updatedAt(DemoSeed.at(COMPLETED_AT))
            .startedAt(DemoSeed.at(STARTED_AT))
            .completedAt(DemoSeed.at(COMPLETED_AT))
            .build();
    ObjectNode created = run.deepCopy().put(Fields.STATUS, "scheduled");
    created.putNull(Fields.STARTED_AT);
    created.putNull(Fields.COMPLETED_AT);
    created.set(Fields.COUNTS, RunDocument.counts(patients, 0, 0, 0, 0));
    seed.event(ws, "communication_run.created", created, DemoSeed.at(CREATED_AT));
    for (int i = 0; i < patients; i++) {
      patient(ws, run, i, DemoStory.RECALL_PATIENTS.get(i), agentVersion);
    }
    seed.save(
        ws,
        Collections.COMMUNICATION_RUN,
        run,
        "communication_run.completed",
        DemoSeed.at(COMPLETED_AT));
  }

  private void patient(
      String ws, ObjectNode run, int index, DemoStory.RecallPatient patient, int agentVersion) {
    Instant start = DemoSeed.at(STARTED_AT + index * 10);
    String runId = run.get(Fields.ID).asText();
    String agentId = run.get(Fields.AGENT_ID).asText();
    DemoStory.CallResult result = patient.result();
    String leadId = seed.id(LeadDocument.ID_PREFIX);
    String jobId = seed.id(JobDocument.ID_PREFIX);
    String attemptId = seed.id(AttemptDocument.ID_PREFIX);
    String callId = seed.id(CallDocument.ID_PREFIX);
    String recordingId = patient.recording() == null ? null : seed.id(RecordingDocument.ID_PREFIX);
    DemoStory.Booking booking = patient.booking();
    ObjectNode appointment =
        booking == null
            ? null
            : AppointmentDocument.of(seed.id(AppointmentDocument.ID_PREFIX), start.plusSeconds(240))
                .leadId(leadId)
                .callId(callId)
                .startsAt(booking.startsAt())
                .endsAt(booking.endsAt())
                .notes(booking.notes())
                .build();
    ObjectNode lead =
        seed.save(
            ws,
            Collections.LEAD,
            LeadDocument.of(leadId, DemoSeed.at(-1700 + index))
                .firstName(patient.firstName())
                .lastName(patient.lastName())
                .phone(patient.phone())
                .email(DemoSeed.email(patient.firstName()))
                .status(booking == null ? "contacted" : "booked")
                .qualified(booking != null)
                .qualificationNotes(booking == null ? null : booking.qualificationNotes())
                .source("manual")
                .runId(runId)
                .appointment(appointment)
                .updatedAt(start.plusSeconds(300))
                .build(),
            "lead.created",
            DemoSeed.at(-1700 + index));
    ObjectNode call =
        CallDocument.of(callId, start)
            .direction("outbound")
            .status(result.callStatus)
            .from(PhoneNumbers.WORKSPACE)
            .to(patient.phone())
            .leadId(leadId)
            .runId(runId)
            .jobId(jobId)
            .attemptId(attemptId)
            .agentId(agentId)
            .agentConfigVersion(agentVersion)
            .startedAt(start)
            .answeredAt(result.reached ? start.plusSeconds(6) : null)
            .endedAt(start.plusSeconds(patient.seconds()))
            .durationSeconds(patient.seconds())
            .recordingId(recordingId)
            .summary(patient.summary())
            .outcome(result.callOutcome)
            .build();
    seed.event(ws, "call.started", call.deepCopy().put(Fields.STATUS, "in_progress"), start);
    seed.save(ws, Collections.CALL, call, result.callEvent, start.plusSeconds(250));
    if (recordingId != null) {
      recording(ws, recordingId, callId, patient.recording(), start.plusSeconds(260));
    }
    if (appointment != null) {
      seed.save(ws, Collections.APPOINTMENT, appointment);
      seed.event(ws, "appointment.booked", appointment, start.plusSeconds(240));
      seed.event(ws, "lead.qualified", lead, start.plusSeconds(241));
    }
    seed.save(
        ws,
        Collections.ATTEMPT,
        AttemptDocument.of(attemptId, start)
            .jobId(jobId)
            .runId(runId)
            .number(1)
            .channel("voice")
            .status(result.reached ? "succeeded" : "failed")
            .outcome(result.outcome)
            .callId(callId)
            .agentId(agentId)
            .agentConfigVersion(agentVersion)
            .startedAt(start)
            .endedAt(start.plusSeconds(245))
            .build());
    ObjectNode recipient =
        Json.object()
            .put(Fields.PHONE, patient.phone())
            .put(Fields.FIRST_NAME, patient.firstName());
    recipient.putNull(Fields.EMAIL);
    recipient.put(Fields.LEAD_ID, leadId);
    recipient.set(Fields.VARIABLES, Json.object().put("last_visit", DemoStory.LAST_VISIT));
    seed.save(
        ws,
        Collections.JOB,
        JobDocument.of(jobId, DemoSeed.at(CREATED_AT))
            .runId(runId)
            .recipientIndex(index)
            .recipient(recipient)
            .channel("voice")
            .status(result.reached ? "succeeded" : "failed")
            .attemptsCount(1)
            .maxAttempts(MAX_ATTEMPTS)
            .outcome(result.outcome)
            .updatedAt(start.plusSeconds(250))
            .completedAt(start.plusSeconds(250))
            .build(),
        "job.completed",
        start.plusSeconds(250));
  }

  private void recording(
      String ws, String id, String callId, DemoStory.Recording recording, Instant at) {
    byte[] wav = Wav.tone(recording.hz(), 1000);
    ObjectNode document =
        seed.save(
            ws,
            Collections.RECORDING,
            RecordingDocument.of(id, at)
                .callId(callId)
                .durationSeconds(1)
                .contentType("audio/wav")
                .sizeBytes(wav.length)
                .kind(recording.kind())
                .transcript(recording.transcript())
                .build(),
            "recording.ready",
            at);
    recordings.put(ws, document, wav);
  }
}
