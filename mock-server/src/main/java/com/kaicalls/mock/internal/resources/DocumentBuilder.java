package com.kaicalls.mock.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.store.Json;
import java.time.Instant;
import java.util.List;

/**
 * Builds one document of an openapi.yaml schema: every field is present from the start, in the
 * schema's order and {@code null} until set, so the order of the setters does not matter and a field
 * never set is still there.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class DocumentBuilder<B extends DocumentBuilder<B>> {

  private final ObjectNode document = Json.object();

  /** {@code fields}: every field of the schema, in its order (with {@code id}, {@code object}, {@code created_at}). */
  DocumentBuilder(List<String> fields, String object, String id, Instant createdAt) {
    fields.forEach(document::putNull);
    document.put(Fields.ID, id);
    document.put(Fields.OBJECT, object);
    document.put(Fields.CREATED_AT, Json.time(createdAt));
  }

  /** The document, to store or change further. */
  public final ObjectNode build() {
    return document;
  }

  final B text(String field, String value) {
    if (value == null) {
      document.putNull(field);
    } else {
      document.put(field, value);
    }
    return self();
  }

  final B time(String field, Instant value) {
    return text(field, value == null ? null : Json.time(value));
  }

  final B number(String field, int value) {
    document.put(field, value);
    return self();
  }

  final B number(String field, long value) {
    document.put(field, value);
    return self();
  }

  final B number(String field, Integer value) {
    if (value == null) {
      document.putNull(field);
    } else {
      document.put(field, value);
    }
    return self();
  }

  final B flag(String field, boolean value) {
    document.put(field, value);
    return self();
  }

  final B node(String field, JsonNode value) {
    if (value == null) {
      document.putNull(field);
    } else {
      document.set(field, value);
    }
    return self();
  }

  final B texts(String field, List<String> values) {
    return node(field, Json.array(values));
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
