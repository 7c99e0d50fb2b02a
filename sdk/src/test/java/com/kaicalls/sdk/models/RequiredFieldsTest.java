package com.kaicalls.sdk.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.kaicalls.sdk.internal.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every required field of every request model, read from openapi.yaml (request bodies and the
 * objects they contain): left unset, {@code build()} fails naming its JSON field.
 */
class RequiredFieldsTest {

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("requiredRequestFields")
  void building_a_request_model_without_a_required_field_fails_naming_the_json_field(
      String schema, String field) throws ClassNotFoundException {
    Class<?> model = Class.forName("com.kaicalls.sdk.models." + schema);

    assertThatThrownBy(() -> ModelSamples.completeExcept(model, field))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("`" + field + "` is required");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestSchemas")
  void a_request_model_with_every_field_set_builds(String schema) throws ClassNotFoundException {
    Class<?> model = Class.forName("com.kaicalls.sdk.models." + schema);

    assertThat(ModelSamples.complete(model)).isInstanceOf(model);
  }

  @Test
  void a_response_missing_a_required_field_is_refused_naming_the_field() {
    ObjectMapper json = Json.newMapper();

    assertThatThrownBy(() -> json.readValue("{\"object\":\"run_preview\"}", RunPreview.class))
        .hasMessageContaining("`recipients_count` is required");
  }

  static Stream<Arguments> requiredRequestFields() throws IOException {
    JsonNode schemas = spec().at("/components/schemas");
    List<Arguments> cases = new ArrayList<>();
    for (String name : requestSchemaNames()) {
      JsonNode schema = schemas.get(name);
      for (JsonNode required : schema.path("required")) {
        if (!schema.at("/properties/" + required.asText() + "/nullable").asBoolean(false)) {
          cases.add(Arguments.of(name, required.asText()));
        }
      }
    }
    assertThat(cases)
        .extracting(a -> a.get()[1])
        .contains("created_before", "recipients", "scopes");
    return cases.stream();
  }

  static Stream<String> requestSchemas() throws IOException {
    return requestSchemaNames().stream();
  }

  /** Schemas of request bodies, and the object schemas they refer to, transitively. */
  private static Set<String> requestSchemaNames() throws IOException {
    JsonNode spec = spec();
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode path : spec.get("paths")) {
      for (JsonNode operation : path) {
        collectRefs(operation.at("/requestBody/content/application~1json/schema"), spec, names);
      }
    }
    return names;
  }

  private static void collectRefs(JsonNode node, JsonNode spec, Set<String> names) {
    if (node.has("$ref")) {
      String name = node.get("$ref").asText().replace("#/components/schemas/", "");
      JsonNode schema = spec.at("/components/schemas/" + name);
      if (schema.has("properties") && names.add(name)) collectRefs(schema, spec, names);
      return;
    }
    for (JsonNode child : node) collectRefs(child, spec, names);
  }

  private static JsonNode spec() throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "openapi.yaml").toFile());
  }
}
