package com.kaicalls.mock.internal.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.util.Base64;

/** Recording audio, kept in the store (so it survives restarts with the rest) as base64. */
public final class RecordingAudio {

  private static final String WAV = "wav";

  private final Store store;

  /** Audio kept in {@code store}. */
  public RecordingAudio(Store store) {
    this.store = store;
  }

  /** Keeps the WAV bytes of {@code recording}. */
  public void put(String workspaceId, ObjectNode recording, byte[] wav) {
    ObjectNode doc = Json.object();
    doc.put(Fields.ID, recording.get(Fields.ID).asText());
    doc.put(Fields.CREATED_AT, recording.get(Fields.CREATED_AT).asText());
    doc.put(WAV, Base64.getEncoder().encodeToString(wav));
    store.put(workspaceId, Collections.RECORDING_AUDIO, doc);
  }

  /** The WAV bytes, or {@code null}. */
  byte[] get(String workspaceId, String recordingId) {
    ObjectNode doc = store.get(workspaceId, Collections.RECORDING_AUDIO, recordingId);
    return doc == null ? null : Base64.getDecoder().decode(doc.get(WAV).asText());
  }
}
