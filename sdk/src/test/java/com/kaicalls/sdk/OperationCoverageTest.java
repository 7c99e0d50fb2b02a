package com.kaicalls.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** openapi.yaml is the contract: every operation in it must be a method of the SDK. */
class OperationCoverageTest {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  @ParameterizedTest
  @ValueSource(classes = {KaiCallsClient.class, KaiCallsClientAsync.class})
  void every_operation_id_in_openapi_yaml_is_reachable_as_an_sdk_method(Class<?> client)
      throws IOException {
    List<String> missing = new ArrayList<>();
    List<Operation> operations = operations();

    for (Operation op : operations) {
      Method accessor = accessor(client, op.tag);
      if (accessor == null) {
        missing.add(
            op.operationId + ": no " + client.getSimpleName() + "." + accessorName(op.tag) + "()");
      } else if (!hasPublicMethod(accessor.getReturnType(), op.sdkMethod)) {
        missing.add(
            op.operationId
                + ": no "
                + accessor.getReturnType().getSimpleName()
                + "."
                + op.sdkMethod
                + "(...)");
      }
    }

    assertThat(operations).hasSizeGreaterThanOrEqualTo(47);
    assertThat(missing).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(classes = {KaiCallsClient.class, KaiCallsClientAsync.class})
  void every_service_method_of_the_client_corresponds_to_an_operation(Class<?> client)
      throws IOException {
    Map<String, Set<String>> methodsByTag =
        operations().stream()
            .collect(
                Collectors.groupingBy(
                    op -> accessorName(op.tag),
                    Collectors.mapping(op -> op.sdkMethod, Collectors.toSet())));
    List<String> stale = new ArrayList<>();

    for (Method accessor : client.getDeclaredMethods()) {
      if (!accessor.getReturnType().getPackageName().equals("com.kaicalls.sdk.services")) continue;
      Set<String> expected = methodsByTag.getOrDefault(accessor.getName(), Set.of());
      for (Method m : accessor.getReturnType().getDeclaredMethods()) {
        String name =
            m.getName().endsWith("Stream") ? m.getName().replaceFirst("Stream$", "") : m.getName();
        if (Modifier.isPublic(m.getModifiers())
            && !name.equals("withRawResponse")
            && !expected.contains(name)) {
          stale.add(accessor.getName() + "()." + m.getName());
        }
      }
    }

    assertThat(stale).isEmpty();
  }

  @Test
  void services_are_obtained_from_the_client_only() {
    List<String> constructible = new ArrayList<>();

    for (Class<?> client : List.of(KaiCallsClient.class, KaiCallsClientAsync.class)) {
      for (Method accessor : client.getDeclaredMethods()) {
        Class<?> service = accessor.getReturnType();
        if (!service.getPackageName().equals("com.kaicalls.sdk.services")) continue;
        if (service.getConstructors().length > 0) constructible.add(service.getSimpleName());
        for (Class<?> nested : service.getClasses()) {
          if (nested.getSimpleName().equals("WithRawResponse")
              && nested.getConstructors().length > 0) {
            constructible.add(nested.getName());
          }
        }
      }
    }

    assertThat(constructible).isEmpty();
  }

  @Test
  void the_replay_of_an_event_returns_a_page_like_every_list() throws NoSuchMethodException {
    Method replay = com.kaicalls.sdk.services.EventsService.class.getMethod("replay", String.class);

    assertThat(replay.getReturnType()).isEqualTo(Page.class);
  }

  @Test
  void every_async_service_method_returns_a_completable_future() {
    List<String> blocking = new ArrayList<>();

    for (Method accessor : KaiCallsClientAsync.class.getDeclaredMethods()) {
      if (!accessor.getReturnType().getPackageName().equals("com.kaicalls.sdk.services")) continue;
      for (Method m : accessor.getReturnType().getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers())
            && !m.getName().equals("withRawResponse")
            && !CompletableFuture.class.equals(m.getReturnType())) {
          blocking.add(accessor.getName() + "()." + m.getName());
        }
      }
    }

    assertThat(blocking).isEmpty();
  }

  private static Method accessor(Class<?> client, String tag) {
    try {
      return client.getMethod(accessorName(tag));
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static String accessorName(String tag) {
    return Character.toLowerCase(tag.charAt(0)) + tag.substring(1);
  }

  private static boolean hasPublicMethod(Class<?> type, String name) {
    return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name));
  }

  static List<Operation> operations() throws IOException {
    JsonNode spec =
        new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "openapi.yaml").toFile());
    List<Operation> ops = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").properties().iterator();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> verbs = path.getValue().properties().iterator();
      while (verbs.hasNext()) {
        Map.Entry<String, JsonNode> verb = verbs.next();
        if (!METHODS.contains(verb.getKey())) continue;
        JsonNode op = verb.getValue();
        ops.add(
            new Operation(
                op.get("operationId").asText(),
                op.get("tags").get(0).asText(),
                op.get("x-sdk-method").asText()));
      }
    }
    return ops;
  }

  static final class Operation {
    final String operationId;
    final String tag;
    final String sdkMethod;

    Operation(String operationId, String tag, String sdkMethod) {
      this.operationId = operationId;
      this.tag = tag;
      this.sdkMethod = sdkMethod;
    }
  }
}
