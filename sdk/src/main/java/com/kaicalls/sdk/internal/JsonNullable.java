package com.kaicalls.sdk.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A value of an optional, nullable request field that was set: either a value or an explicit JSON
 * {@code null} (for example "remove the description" in a PATCH). A field that was not set is a
 * Java {@code null} reference and is left out of the JSON, so the three states absent, value and
 * null are three different bodies. Internal: used by the generated models.
 *
 * @param <T> the value's type
 */
@JsonSerialize(using = JsonNullable.Serializer.class)
public final class JsonNullable<T> {
  private static final JsonNullable<?> NULL = new JsonNullable<>(null);
  private final T value;

  private JsonNullable(T value) {
    this.value = value;
  }

  /**
   * Wraps a value, or the explicit null if it is null.
   *
   * @param value the value, or null for JSON {@code null}
   * @param <T> the value's type
   * @return the wrapper
   */
  @SuppressWarnings("unchecked")
  public static <T> JsonNullable<T> of(T value) {
    return value == null ? (JsonNullable<T>) NULL : new JsonNullable<>(value);
  }

  /** Returns the value, or empty for the explicit null. */
  public Optional<T> asOptional() {
    return Optional.ofNullable(value);
  }

  /** Returns true for the explicit null. */
  public boolean isNull() {
    return value == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonNullable && Objects.equals(value, ((JsonNullable<?>) o).value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }

  /** Writes the value, or {@code null}. */
  static final class Serializer extends StdSerializer<JsonNullable<?>> {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings({"unchecked", "rawtypes"})
    Serializer() {
      super((Class) JsonNullable.class);
    }

    @Override
    public void serialize(JsonNullable<?> field, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      provider.defaultSerializeValue(field.value, gen);
    }
  }
}
