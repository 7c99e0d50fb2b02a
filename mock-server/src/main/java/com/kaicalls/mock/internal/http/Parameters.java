package com.kaicalls.mock.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.spec.ApiSpec;
import com.kaicalls.mock.internal.spec.SchemaValidator;
import com.kaicalls.mock.internal.spec.Violation;
import com.kaicalls.mock.internal.store.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Checks an operation's path, query and header parameters against the spec: each converted by its
 * schema type (integers, booleans, comma-separated or repeated arrays) and validated, a 400 naming
 * the first one at fault.
 */
final class Parameters {

  private final SchemaValidator validator;

  Parameters(SchemaValidator validator) {
    this.validator = validator;
  }

  /** Path, query and header parameters, converted by their schema type and validated. */
  void check(
      ApiSpec.Operation operation,
      Map<String, String> pathParams,
      Map<String, List<String>> query,
      UnaryOperator<String> header) {
    for (ApiSpec.Param param : operation.params()) {
      String name = param.name();
      switch (param.in()) {
        case "path":
          check(param, List.of(pathParams.getOrDefault(name, "")));
          break;
        case "query":
          List<String> values = query.get(name);
          if (values == null || values.isEmpty()) {
            if (param.required()) {
              throw ApiException.invalid(
                  "parameter_missing", "Query parameter '" + name + "' is required.", name);
            }
          } else {
            check(param, values);
          }
          break;
        case "header":
          String value = header.apply(name);
          if (value == null) {
            if (param.required()) {
              boolean idem = name.equalsIgnoreCase("Idempotency-Key");
              throw ApiException.invalid(
                  idem ? "missing_idempotency_key" : "parameter_missing",
                  idem
                      ? "This request requires an Idempotency-Key header (1 to 255 characters)."
                      : "Header '" + name + "' is required.",
                  name);
            }
          } else {
            check(param, List.of(value));
          }
          break;
        default:
          break;
      }
    }
  }

  private void check(ApiSpec.Param param, List<String> values) {
    JsonNode schema = validator.resolve(param.schema());
    JsonNode value = convert(schema, values);
    // Handlers hold integers in an int unless the spec says int64.
    if (value.isLong()
        && value.longValue() != (int) value.longValue()
        && !schema.path("format").asText().equals("int64")) {
      throw ApiException.invalid(
          "parameter_invalid",
          param.in()
              + " parameter '"
              + param.name()
              + "' is out of range (at most "
              + Integer.MAX_VALUE
              + ").",
          param.name());
    }
    List<Violation> violations = new ArrayList<>();
    validator.check(schema, value, param.name(), violations);
    if (!violations.isEmpty()) {
      Violation v = violations.get(0);
      throw ApiException.invalid(
          "parameter_invalid",
          v.message().replace(v.param(), param.in() + " parameter '" + param.name() + "'"),
          param.name());
    }
  }

  private JsonNode convert(JsonNode schema, List<String> values) {
    String type = schema.path("type").asText("string");
    if (type.equals("array")) {
      ArrayNode array = Json.array();
      JsonNode items = validator.resolve(schema.path("items"));
      for (String v : values) {
        for (String part :
            items.path("type").asText("string").equals("string") && values.size() == 1
                ? v.split(",")
                : new String[] {v}) {
          array.add(scalar(items, part));
        }
      }
      return array;
    }
    return scalar(schema, values.get(0));
  }

  private static JsonNode scalar(JsonNode schema, String text) {
    switch (schema.path("type").asText("string")) {
      case "integer":
        try {
          return LongNode.valueOf(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
          return TextNode.valueOf(text);
        }
      case "boolean":
        if (text.equals("true") || text.equals("false")) {
          return BooleanNode.valueOf(Boolean.parseBoolean(text));
        }
        return TextNode.valueOf(text);
      default:
        return TextNode.valueOf(text);
    }
  }
}
