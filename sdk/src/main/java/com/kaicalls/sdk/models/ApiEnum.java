package com.kaicalls.sdk.models;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * The base of every enum of the API (statuses, event types, scopes, ...): a value that keeps the
 * server's raw string, so a value added to the API after this SDK version reads without error, is
 * visible, and is written back unchanged.
 *
 * <p>Known values are constants of the subclass ({@code CallStatus.COMPLETED}) and are the same
 * instance wherever they are read, so {@code ==} and {@code equals} both work. An unknown value is
 * a new instance whose {@link #known()} is empty and whose {@link #asString()} is the raw string:
 *
 * <pre>{@code
 * if (call.status() == CallStatus.COMPLETED) { ... }
 * switch (call.status().known().orElseThrow()) { ... }       // Known is a plain Java enum
 * String raw = call.status().asString();                     // "completed", or a value added later
 * }</pre>
 *
 * @param <K> the subclass's Java enum of the values this SDK version knows
 */
public abstract class ApiEnum<K extends Enum<K>> {
  private final String value;
  private final K known;

  /**
   * Creates a value. Called by the generated subclasses only.
   *
   * @param value the raw string, as on the wire
   * @param known the matching known value, or null when this SDK version does not know it
   */
  protected ApiEnum(String value, K known) {
    this.value = Objects.requireNonNull(value, "value");
    this.known = known;
  }

  /** Returns the raw string, exactly as the API sent or will receive it. */
  @JsonValue
  public final String asString() {
    return value;
  }

  /** Returns the known value, or empty if this SDK version does not know this value. */
  public final Optional<K> known() {
    return Optional.ofNullable(known);
  }

  /** Returns true if this SDK version knows this value. */
  public final boolean isKnown() {
    return known != null;
  }

  /**
   * @return the raw string
   */
  @Override
  public final String toString() {
    return value;
  }

  /** Two values are equal when they are of the same enum and have the same raw string. */
  // getClass, not instanceof ApiEnum: two different enums that both have "active" are not equal.
  @SuppressWarnings("EqualsGetClass")
  @Override
  public final boolean equals(Object o) {
    return this == o
        || (o != null && o.getClass() == getClass() && value.equals(((ApiEnum<?>) o).value));
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }
}
