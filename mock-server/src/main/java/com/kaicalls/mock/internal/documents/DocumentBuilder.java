package com.kaicalls.mock.internal.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.kaicalls.mock.internal.store.Json;
import java.time.Instant;
import java.util.List;

/**
 * Builds one document of an openapi.yaml schema: every field is present from the start, in the
 * schema's order and {@code null} until set, so the order of the setters does not matter and a
 * field never set is still there.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class DocumentBuilder<B extends DocumentBuilder<B>> {

  private final ObjectNode document = Json.object();

  /**
   * {@code fields}: every field of the schema, in its order (with {@code id}, {@code object},
   * {@code created_at}).
   */
  protected DocumentBuilder(List<String> fields, String object, String id, Instant createdAt) {
    fields.forEach(document::putNull);
    document.put(Fields.ID, id);
    document.put(Fields.OBJECT, object);
    document.put(Fields.CREATED_AT, Json.time(createdAt));
  }

  /** The document, to store or change further. */
  public final ObjectNode build() {
    return document;
  }

  protected final B text(String field, String value) {
    return node(field, value == null ? null : TextNode.valueOf(value));
  }

  protected final B time(String field, Instant value) {
    return text(field, value == null ? null : Json.time(value));
  }

  protected final B number(String field, int value) {
    return node(field, IntNode.valueOf(value));
  }

  protected final B number(String field, long value) {
    return node(field, LongNode.valueOf(value));
  }

  protected final B number(String field, Integer value) {
    return node(field, value == null ? null : IntNode.valueOf(value));
  }

  protected final B flag(String field, boolean value) {
    return node(field, BooleanNode.valueOf(value));
  }

  /** Sets {@code field} to {@code value}, or to JSON null for {@code null}. */
  protected final B node(String field, JsonNode value) {
    document.set(field, value == null ? NullNode.getInstance() : value);
    return self();
  }

  protected final B texts(String field, List<String> values) {
    return node(field, Json.array(values));
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
