package com.kaicalls.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The three-state PATCH field's wrapper: a value, or JSON's explicit null. */
class JsonNullableTest {

  @Test
  void a_wrapped_value_is_not_null_and_holds_the_value() {
    JsonNullable<String> value = JsonNullable.of("v");

    assertThat(value.isNull()).isFalse();
    assertThat(value.asOptional()).contains("v");
  }

  @Test
  void wrapping_null_is_the_explicit_null() {
    JsonNullable<String> none = JsonNullable.of(null);

    assertThat(none.isNull()).isTrue();
    assertThat(none.asOptional()).isEmpty();
  }

  @Test
  void wrappers_of_equal_values_are_equal_with_equal_hash_codes() {
    assertThat(JsonNullable.of("v"))
        .isEqualTo(JsonNullable.of("v"))
        .hasSameHashCodeAs(JsonNullable.of("v"));
    assertThat(JsonNullable.of("v").hashCode()).isEqualTo("v".hashCode());
  }

  @Test
  void wrappers_of_different_values_or_of_null_differ() {
    assertThat(JsonNullable.of("v")).isNotEqualTo(JsonNullable.of("w"));
    assertThat(JsonNullable.of("v")).isNotEqualTo(JsonNullable.of(null));
    assertThat(JsonNullable.of(null)).isNotEqualTo(JsonNullable.of("v"));
    assertThat(JsonNullable.of("v")).isNotEqualTo("v");
  }
}
