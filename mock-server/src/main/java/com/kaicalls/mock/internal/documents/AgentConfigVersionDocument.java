package com.kaicalls.mock.internal.documents;

import java.time.Instant;
import java.util.List;

/**
 * Builds one config version of an agent: openapi.yaml's {@code AgentConfigVersion}, the one place
 * its document is shaped.
 */
public final class AgentConfigVersionDocument extends DocumentBuilder<AgentConfigVersionDocument> {

  /** The prefix of its ids. */
  public static final String ID_PREFIX = "acv_";

  private static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.OBJECT,
          Fields.AGENT_ID,
          Fields.VERSION,
          Fields.PROMPT,
          Fields.GREETING,
          Fields.VOICE,
          Fields.LANGUAGE,
          Fields.MODEL,
          Fields.QUALIFICATION_QUESTIONS,
          Fields.TOOLS,
          Fields.CREATED_AT,
          Fields.CREATED_BY);

  private AgentConfigVersionDocument(String id, Instant createdAt) {
    super(FIELDS, Collections.AGENT_CONFIG_VERSION, id, createdAt);
  }

  /**
   * A new document: {@code id} and {@code created_at} set, every other field {@code null} until
   * set.
   */
  public static AgentConfigVersionDocument of(String id, Instant createdAt) {
    return new AgentConfigVersionDocument(id, createdAt);
  }

  /** Sets {@code agent_id}, or JSON null for {@code null}. */
  public AgentConfigVersionDocument agentId(String value) {
    return text(Fields.AGENT_ID, value);
  }

  /** Sets {@code version}. */
  public AgentConfigVersionDocument version(int value) {
    return number(Fields.VERSION, value);
  }

  /** Sets {@code prompt}, or JSON null for {@code null}. */
  public AgentConfigVersionDocument prompt(String value) {
    return text(Fields.PROMPT, value);
  }

  /** Sets {@code greeting}, or JSON null for {@code null}. */
  public AgentConfigVersionDocument greeting(String value) {
    return text(Fields.GREETING, value);
  }

  /** Sets {@code voice}, or JSON null for {@code null}. */
  public AgentConfigVersionDocument voice(String value) {
    return text(Fields.VOICE, value);
  }

  /** Sets {@code language}, or JSON null for {@code null}. */
  public AgentConfigVersionDocument language(String value) {
    return text(Fields.LANGUAGE, value);
  }

  /** Sets {@code model}, or JSON null for {@code null}. */
  public AgentConfigVersionDocument model(String value) {
    return text(Fields.MODEL, value);
  }

  /** Sets {@code qualification_questions}, or JSON null for {@code null}. */
  public AgentConfigVersionDocument qualificationQuestions(List<String> value) {
    return texts(Fields.QUALIFICATION_QUESTIONS, value);
  }

  /** Sets {@code tools}, or JSON null for {@code null}. */
  public AgentConfigVersionDocument tools(List<String> value) {
    return texts(Fields.TOOLS, value);
  }

  /** Sets {@code created_by}, or JSON null for {@code null}. */
  public AgentConfigVersionDocument createdBy(String value) {
    return text(Fields.CREATED_BY, value);
  }
}
