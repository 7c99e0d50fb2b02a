package com.kaicalls.mock.internal.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.util.Base64;

/** Recording audio, kept in the store (so it survives restarts with the rest) as base64. */
public final class RecordingAudio {

  static final String TYPE = Collections.RECORDING_AUDIO;

  private final Store store;

  public RecordingAudio(Store store) {
    this.store = store;
  }

  public void put(String workspaceId, ObjectNode recording, byte[] wav) {
    ObjectNode doc = Json.object();
    doc.put(Fields.ID, recording.get(Fields.ID).asText());
    doc.put(Fields.CREATED_AT, recording.get(Fields.CREATED_AT).asText());
    doc.put("wav", Base64.getEncoder().encodeToString(wav));
    store.put(workspaceId, TYPE, doc);
  }

  /** The WAV bytes, or {@code null}. */
  byte[] get(String workspaceId, String recordingId) {
    ObjectNode doc = store.get(workspaceId, TYPE, recordingId);
    return doc == null ? null : Base64.getDecoder().decode(doc.get("wav").asText());
  }
}
