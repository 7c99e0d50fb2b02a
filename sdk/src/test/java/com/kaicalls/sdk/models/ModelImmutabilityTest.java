package com.kaicalls.sdk.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Models are values: no setters, no mutable state, collections that cannot be changed through them.
 */
class ModelImmutabilityTest {

  @Test
  void the_models_package_holds_the_generated_models() {
    assertThat(ModelSamples.modelClasses())
        .contains(CommunicationRun.class, UpdateWebhookSubscriptionRequest.class)
        .hasSizeGreaterThan(100);
  }

  @Test
  void no_model_has_a_public_setter_or_a_non_final_field() {
    List<String> mutable = new ArrayList<>();
    for (Class<?> model : ModelSamples.modelClasses()) {
      for (Method m : model.getMethods()) {
        if (m.getName().startsWith("set") && m.getDeclaringClass() != Object.class)
          mutable.add(model.getSimpleName() + "." + m.getName());
      }
      for (Field f : model.getDeclaredFields()) {
        if (!Modifier.isFinal(f.getModifiers()))
          mutable.add(model.getSimpleName() + "." + f.getName() + " (not final)");
        if (Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers()))
          mutable.add(model.getSimpleName() + "." + f.getName() + " (public)");
      }
    }
    assertThat(mutable).isEmpty();
  }

  @Test
  void every_collection_a_model_returns_is_unmodifiable() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Class<?> model : ModelSamples.modelClasses()) {
      if (!hasBuilder(model)) continue;
      Object value = ModelSamples.complete(model);
      for (Method accessor : model.getDeclaredMethods()) {
        if (!Modifier.isPublic(accessor.getModifiers())
            || Modifier.isStatic(accessor.getModifiers())) continue;
        if (accessor.getParameterCount() != 0) continue;
        Object result = accessor.invoke(value);
        Object returned = result instanceof Optional ? ((Optional<?>) result).orElse(null) : result;
        if (returned instanceof Collection || returned instanceof Map) {
          String where = model.getSimpleName() + "." + accessor.getName() + "()";
          assertThatThrownBy(() -> addTo(returned))
              .as(where)
              .isInstanceOf(UnsupportedOperationException.class);
          checked.add(where);
        }
      }
    }
    assertThat(checked)
        .contains(
            "CreateApiKeyRequest.scopes()",
            "Me.scopes()",
            "EventList.data()",
            "CommunicationRun.metadata()",
            "CommunicationRun.additionalProperties()");
  }

  @Test
  void a_list_given_to_a_builder_is_copied_so_changing_it_later_changes_nothing() {
    List<Scope> scopes = new ArrayList<>(List.of(Scope.RUNS_READ));
    CreateApiKeyRequest request =
        CreateApiKeyRequest.builder().name("Export").scopes(scopes).build();

    scopes.add(Scope.RUNS_WRITE);

    assertThat(request.scopes()).containsExactly(Scope.RUNS_READ);
  }

  @Test
  void to_builder_makes_a_changed_copy_and_leaves_the_original_alone() {
    CreateApiKeyRequest original =
        CreateApiKeyRequest.builder().name("Export").addScope(Scope.RUNS_READ).build();

    CreateApiKeyRequest changed =
        original.toBuilder().addScope(Scope.EVENTS_READ).name("Export v2").build();

    assertThat(original.scopes()).containsExactly(Scope.RUNS_READ);
    assertThat(original.name()).isEqualTo("Export");
    assertThat(changed.scopes()).containsExactly(Scope.RUNS_READ, Scope.EVENTS_READ);
    assertThat(changed).isNotEqualTo(original);
    assertThat(changed.toBuilder().build()).isEqualTo(changed).hasSameHashCodeAs(changed);
  }

  private static boolean hasBuilder(Class<?> model) {
    try {
      model.getMethod("builder");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static void addTo(Object collection) {
    if (collection instanceof Collection) ((Collection<Object>) collection).add(null);
    else ((Map<Object, Object>) collection).put("added", null);
  }
}
