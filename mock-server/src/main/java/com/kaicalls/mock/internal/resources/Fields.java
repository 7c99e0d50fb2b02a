package com.kaicalls.mock.internal.resources;

/**
 * The field names of the documents the emulator stores and serves (openapi.yaml's schemas), in one
 * place: a renamed field is one edit here and a compile error wherever it is read or written.
 */
public final class Fields {

  // Every document
  public static final String ID = "id";
  public static final String OBJECT = "object";
  public static final String CREATED_AT = "created_at";
  public static final String UPDATED_AT = "updated_at";
  public static final String STATUS = "status";
  public static final String NAME = "name";
  public static final String DESCRIPTION = "description";

  // Agents and their config versions
  public static final String AGENT_ID = "agent_id";
  public static final String AGENT_CONFIG_VERSION = "agent_config_version";
  public static final String CURRENT_CONFIG_VERSION = "current_config_version";
  public static final String VERSION = "version";
  public static final String PROMPT = "prompt";
  public static final String GREETING = "greeting";
  public static final String VOICE = "voice";
  public static final String LANGUAGE = "language";
  public static final String MODEL = "model";
  public static final String QUALIFICATION_QUESTIONS = "qualification_questions";
  public static final String TOOLS = "tools";
  public static final String CREATED_BY = "created_by";

  // Links between documents
  public static final String LEAD_ID = "lead_id";
  public static final String RUN_ID = "run_id";
  public static final String JOB_ID = "job_id";
  public static final String ATTEMPT_ID = "attempt_id";
  public static final String CALL_ID = "call_id";
  public static final String SMS_MESSAGE_ID = "sms_message_id";
  public static final String RECORDING_ID = "recording_id";
  public static final String CONVERSATION_ID = "conversation_id";

  // Calls, attempts and SMS messages
  public static final String DIRECTION = "direction";
  public static final String FROM = "from";
  public static final String TO = "to";
  public static final String STARTED_AT = "started_at";
  public static final String ANSWERED_AT = "answered_at";
  public static final String ENDED_AT = "ended_at";
  public static final String DURATION_SECONDS = "duration_seconds";
  public static final String SUMMARY = "summary";
  public static final String OUTCOME = "outcome";
  public static final String NUMBER = "number";
  public static final String CHANNEL = "channel";
  public static final String BODY = "body";
  public static final String ERROR_CODE = "error_code";
  public static final String DELIVERED_AT = "delivered_at";

  // Conversations
  public static final String PARTICIPANT = "participant";
  public static final String MESSAGE_COUNT = "message_count";
  public static final String LAST_MESSAGE_AT = "last_message_at";

  // Leads, appointments and recordings
  public static final String FIRST_NAME = "first_name";
  public static final String LAST_NAME = "last_name";
  public static final String PHONE = "phone";
  public static final String EMAIL = "email";
  public static final String QUALIFIED = "qualified";
  public static final String QUALIFICATION_NOTES = "qualification_notes";
  public static final String SOURCE = "source";
  public static final String APPOINTMENT = "appointment";
  public static final String VARIABLES = "variables";
  public static final String STARTS_AT = "starts_at";
  public static final String ENDS_AT = "ends_at";
  public static final String NOTES = "notes";
  public static final String CONTENT_TYPE = "content_type";
  public static final String SIZE_BYTES = "size_bytes";
  public static final String KIND = "kind";
  public static final String TRANSCRIPT = "transcript";

  // Communication runs and their counts
  public static final String MESSAGE = "message";
  public static final String SCHEDULE = "schedule";
  public static final String START_AT = "start_at";
  public static final String TIMEZONE = "timezone";
  public static final String QUIET_HOURS = "quiet_hours";
  public static final String START = "start";
  public static final String END = "end";
  public static final String MAX_ATTEMPTS = "max_attempts";
  public static final String METADATA = "metadata";
  public static final String RECIPIENTS = "recipients";
  public static final String RECIPIENTS_COUNT = "recipients_count";
  public static final String COUNTS = "counts";
  public static final String PENDING = "pending";
  public static final String IN_PROGRESS = "in_progress";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String SKIPPED = "skipped";
  public static final String COMPLETED_AT = "completed_at";
  public static final String CANCELLED_AT = "cancelled_at";

  // Jobs
  public static final String RECIPIENT = "recipient";
  public static final String RECIPIENT_INDEX = "recipient_index";
  public static final String ATTEMPTS_COUNT = "attempts_count";
  public static final String SKIP_REASON = "skip_reason";
  public static final String NEXT_ATTEMPT_AT = "next_attempt_at";

  // API keys and /v1/me
  public static final String SCOPES = "scopes";
  public static final String PREFIX = "prefix";
  public static final String LAST4 = "last4";
  public static final String LIVEMODE = "livemode";
  public static final String EXPIRES_AT = "expires_at";
  public static final String REVOKED_AT = "revoked_at";
  public static final String LAST_USED_AT = "last_used_at";
  public static final String KEY_ID = "key_id";
  public static final String WORKSPACE_ID = "workspace_id";
  public static final String WORKSPACE_NAME = "workspace_name";
  public static final String WORKSPACE_KIND = "workspace_kind";
  public static final String ACTING_WORKSPACE_ID = "acting_workspace_id";
  public static final String PARENT_WORKSPACE_ID = "parent_workspace_id";

  // Validation results and run previews
  public static final String VALID = "valid";
  public static final String ERRORS = "errors";
  public static final String WARNINGS = "warnings";
  public static final String CODE = "code";
  public static final String PARAM = "param";
  public static final String SENDABLE_COUNT = "sendable_count";
  public static final String MESSAGES = "messages";
  public static final String INDEX = "index";
  public static final String CONTENT = "content";
  public static final String ESTIMATED_DURATION_SECONDS = "estimated_duration_seconds";
  public static final String SEND_WINDOWS = "send_windows";
  public static final String REASON = "reason";

  // Events, webhook subscriptions and event deliveries
  public static final String TYPE = "type";
  public static final String URL = "url";
  public static final String EVENT_ID = "event_id";
  public static final String EVENT_TYPE = "event_type";
  public static final String SUBSCRIPTION_ID = "subscription_id";
  public static final String TRIGGER = "trigger";
  public static final String BACKFILL_ID = "backfill_id";
  public static final String ATTEMPT = "attempt";
  public static final String ATTEMPTS = "attempts";
  public static final String REQUEST_HEADERS = "request_headers";
  public static final String RESPONSE_STATUS = "response_status";
  public static final String RESPONSE_HEADERS = "response_headers";
  public static final String RESPONSE_BODY = "response_body";
  public static final String ERROR = "error";
  public static final String DURATION_MS = "duration_ms";
  public static final String LAST_ATTEMPT_AT = "last_attempt_at";
  public static final String ATTEMPTED_AT = "attempted_at";

  private Fields() {}
}
