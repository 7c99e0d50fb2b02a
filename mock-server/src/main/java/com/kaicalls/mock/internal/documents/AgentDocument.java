package com.kaicalls.mock.internal.documents;

import java.time.Instant;
import java.util.List;

/** Builds an AI agent: openapi.yaml's {@code Agent}, the one place its document is shaped. */
public final class AgentDocument extends DocumentBuilder<AgentDocument> {

  /** The prefix of its ids. */
  public static final String ID_PREFIX = "agent_";

  private static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.OBJECT,
          Fields.NAME,
          Fields.DESCRIPTION,
          Fields.VOICE,
          Fields.LANGUAGE,
          Fields.CURRENT_CONFIG_VERSION,
          Fields.STATUS,
          Fields.CREATED_AT,
          Fields.UPDATED_AT);

  private AgentDocument(String id, Instant createdAt) {
    super(FIELDS, Collections.AGENT, id, createdAt);
  }

  /**
   * A new document: {@code id} and {@code created_at} set, every other field {@code null} until
   * set.
   */
  public static AgentDocument of(String id, Instant createdAt) {
    return new AgentDocument(id, createdAt);
  }

  /** Sets {@code name}, or JSON null for {@code null}. */
  public AgentDocument name(String value) {
    return text(Fields.NAME, value);
  }

  /** Sets {@code description}, or JSON null for {@code null}. */
  public AgentDocument description(String value) {
    return text(Fields.DESCRIPTION, value);
  }

  /** Sets {@code voice}, or JSON null for {@code null}. */
  public AgentDocument voice(String value) {
    return text(Fields.VOICE, value);
  }

  /** Sets {@code language}, or JSON null for {@code null}. */
  public AgentDocument language(String value) {
    return text(Fields.LANGUAGE, value);
  }

  /** Sets {@code current_config_version}. */
  public AgentDocument currentConfigVersion(int value) {
    return number(Fields.CURRENT_CONFIG_VERSION, value);
  }

  /** Sets {@code status}, or JSON null for {@code null}. */
  public AgentDocument status(String value) {
    return text(Fields.STATUS, value);
  }

  /** Sets {@code updated_at}, or JSON null for {@code null}. */
  public AgentDocument updatedAt(Instant value) {
    return time(Fields.UPDATED_AT, value);
  }
}
