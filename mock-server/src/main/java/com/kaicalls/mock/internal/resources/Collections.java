package com.kaicalls.mock.internal.resources;

/**
 * The names of the store's collections (its document types), in one place. A resource's collection
 * is named like its {@code object} value; names starting with {@code _} hold internal documents the
 * API never serves.
 */
public final class Collections {

  public static final String AGENT = "agent";
  public static final String AGENT_CONFIG_VERSION = "agent_config_version";
  public static final String API_KEY = "api_key";
  public static final String APPOINTMENT = "appointment";
  public static final String ATTEMPT = "attempt";
  public static final String BACKFILL = "backfill";
  public static final String CALL = "call";
  public static final String COMMUNICATION_RUN = "communication_run";
  public static final String CONVERSATION = "conversation";
  public static final String CONVERSATION_MESSAGE = "conversation_message";
  public static final String EVENT = "event";
  public static final String EVENT_DELIVERY = "event_delivery";
  public static final String JOB = "job";
  public static final String LEAD = "lead";
  public static final String RECORDING = "recording";
  public static final String SMS_MESSAGE = "sms_message";
  public static final String WEBHOOK_SUBSCRIPTION = "webhook_subscription";

  /**
   * Workspaces: a client workspace's document is kept in its agency's partition, any other
   * workspace's in its own (see {@code WorkspaceDocument.storedIn}).
   */
  public static final String WORKSPACE = "workspace";

  /** The WAV bytes of recordings (see {@code RecordingAudio}). */
  public static final String RECORDING_AUDIO = "_recording_audio";

  private Collections() {}
}
