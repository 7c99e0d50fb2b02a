package com.kaicalls.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds any generated model by reflection, with a sample value in every field (or all but one).
 */
final class ModelSamples {
  private ModelSamples() {}

  /** A model with every field set. */
  static Object complete(Class<?> model) {
    return completeExcept(model, null);
  }

  /** A model with every field set except the one with this JSON name; {@code build()} may throw. */
  static Object completeExcept(Class<?> model, String skippedJsonName) {
    try {
      Object builder = model.getMethod("builder").invoke(null);
      for (Method setter : builder.getClass().getMethods()) {
        JsonProperty property = setter.getAnnotation(JsonProperty.class);
        if (property == null || property.value().equals(skippedJsonName)) continue;
        setter.invoke(builder, sample(setter.getGenericParameterTypes()[0]));
      }
      return builder.getClass().getMethod("build").invoke(builder);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The generated model classes (not their builders, not the enums' Known types). */
  static List<Class<?>> modelClasses() {
    try {
      Path dir =
          Path.of(ApiEnum.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .resolve("com/kaicalls/sdk/models");
      List<Class<?>> classes = new ArrayList<>();
      try (var files = Files.list(dir)) {
        for (Path file : (Iterable<Path>) files.sorted()::iterator) {
          String name = file.getFileName().toString();
          if (name.endsWith(".class") && !name.contains("$")) {
            classes.add(
                Class.forName("com.kaicalls.sdk.models." + name.substring(0, name.length() - 6)));
          }
        }
      }
      return classes;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object sample(Type type) throws ReflectiveOperationException {
    if (type instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      if (p.getRawType() == List.class) return new ArrayList<>(List.of(sample(args[0])));
      if (p.getRawType() == Map.class) return new LinkedHashMap<>(Map.of("key", sample(args[1])));
      throw new IllegalArgumentException("No sample for " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) return "sample";
    if (c == Integer.class || c == int.class) return 1;
    if (c == Long.class || c == long.class) return 1L;
    if (c == Boolean.class || c == boolean.class) return true;
    if (c == OffsetDateTime.class)
      return OffsetDateTime.of(2026, 3, 3, 16, 4, 21, 0, ZoneOffset.UTC);
    if (c == URI.class) return URI.create("https://example.com/hook");
    if (ApiEnum.class.isAssignableFrom(c))
      return ((List<?>) c.getMethod("knownValues").invoke(null)).get(0);
    if (c == Event.class) return complete(CallCompletedEvent.class);
    if (c.getPackage() == ApiEnum.class.getPackage()) return complete(c);
    throw new IllegalArgumentException("No sample for " + type);
  }
}
