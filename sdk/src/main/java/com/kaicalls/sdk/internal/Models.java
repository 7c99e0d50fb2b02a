package com.kaicalls.sdk.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers the generated models share: copies, required-field checks and secret masking. Internal.
 */
public final class Models {
  private Models() {}

  /**
   * Checks that a required field was set.
   *
   * @param value the builder's value
   * @param jsonName the field's JSON name, for the message
   * @param <T> the value's type
   * @return the value
   * @throws IllegalStateException naming the field if it is null
   */
  public static <T> T required(T value, String jsonName) {
    if (value == null) throw new IllegalStateException("`" + jsonName + "` is required");
    return value;
  }

  /**
   * Copies a list into an unmodifiable one.
   *
   * @param list the list, or null
   * @param <T> the element type
   * @return an unmodifiable copy, or null
   */
  public static <T> List<T> immutable(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /**
   * Copies a map into an unmodifiable one, keeping its order.
   *
   * @param map the map, or null
   * @param <K> the key type
   * @param <V> the value type
   * @return an unmodifiable copy, or null
   */
  public static <K, V> Map<K, V> immutable(Map<K, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * Freezes a builder's unknown fields; most objects have none, and then share one empty map.
   *
   * @param additional the builder's map, or null if nothing was put
   * @param <V> the value type
   * @return an unmodifiable copy, never null
   */
  public static <V> Map<String, V> additional(Map<String, V> additional) {
    return additional == null || additional.isEmpty()
        ? Collections.emptyMap()
        : Collections.unmodifiableMap(new LinkedHashMap<>(additional));
  }

  /**
   * Masks a secret for {@code toString}: its prefix ({@code whsec_}, {@code kc_test_}) and last
   * three characters, e.g. {@code whsec_…3xQ}.
   *
   * @param secret the secret, or null
   * @return the masked form, or null
   */
  public static String mask(String secret) {
    if (secret == null) return null;
    int prefix = Math.min(secret.lastIndexOf('_', 12) + 1, 12);
    if (secret.length() - prefix < 8) return secret.substring(0, prefix) + "…";
    return secret.substring(0, prefix) + "…" + secret.substring(secret.length() - 3);
  }
}
