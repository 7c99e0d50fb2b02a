package com.kaicalls.mock.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.internal.store.Rfc3339;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks JSON values against OpenAPI 3.0 schemas taken from the spec itself, reporting every
 * violation with a JSON path ({@code recipients[3].phone}). Supports the keywords the KaiCalls
 * contract uses: {@code $ref}, {@code type}, {@code nullable}, {@code enum}, {@code pattern},
 * {@code format} (date-time, email, uri), string length, numeric range, array size and uniqueness,
 * {@code properties}/{@code required}/{@code additionalProperties}, property counts and {@code
 * allOf}/{@code oneOf}/{@code anyOf}. Read-only properties are ignored in requests.
 */
public final class SchemaValidator {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final JsonNode root;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  SchemaValidator(JsonNode root) {
    this.root = root;
  }

  /** Follows {@code $ref} chains within the document. */
  public JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int depth = 0; depth < 16 && current.has("$ref"); depth++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#")) {
        throw new IllegalStateException("external $ref not supported: " + ref);
      }
      current = root.at(ref.substring(1));
    }
    return current;
  }

  public List<Violation> validate(JsonNode schema, JsonNode value) {
    List<Violation> out = new ArrayList<>();
    check(schema, value, "", out);
    return out;
  }

  public void check(JsonNode schemaNode, JsonNode value, String path, List<Violation> out) {
    JsonNode schema = resolve(schemaNode);
    if (schema.isMissingNode() || schema.isEmpty()) {
      return;
    }
    if (value == null || value.isNull()) {
      if (!schema.path("nullable").asBoolean(false) && hasType(schema)) {
        out.add(invalid(path, "must not be null"));
      }
      return;
    }
    for (JsonNode part : schema.path("allOf")) {
      check(part, value, path, out);
    }
    if (schema.has("oneOf") || schema.has("anyOf")) {
      JsonNode options = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
      List<Violation> best = null;
      for (JsonNode option : options) {
        List<Violation> attempt = new ArrayList<>();
        check(option, value, path, attempt);
        if (attempt.isEmpty()) {
          best = attempt;
          break;
        }
        if (best == null || attempt.size() < best.size()) {
          best = attempt;
        }
      }
      if (best != null) {
        out.addAll(best);
      }
    }
    String type = schema.path("type").asText(null);
    if (type != null && !typeMatches(type, value)) {
      out.add(invalid(path, "must be of type " + type));
      return;
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode allowed : schema.get("enum")) {
        found |=
            allowed.equals(value)
                || (allowed.isTextual()
                    && allowed.asText().equals(value.asText())
                    && value.isTextual());
      }
      if (!found) {
        out.add(invalid(path, "must be one of " + schema.get("enum")));
      }
    }
    if (value.isTextual()) {
      checkString(schema, value.asText(), path, out);
    } else if (value.isNumber()) {
      checkNumber(schema, value, path, out);
    } else if (value.isArray()) {
      checkArray(schema, value, path, out);
    } else if (value.isObject()) {
      checkObject(schema, value, path, out);
    }
  }

  private static boolean hasType(JsonNode schema) {
    return schema.has("type")
        || schema.has("properties")
        || schema.has("allOf")
        || schema.has("oneOf")
        || schema.has("anyOf")
        || schema.has("enum");
  }

  private static boolean typeMatches(String type, JsonNode value) {
    switch (type) {
      case "string":
        return value.isTextual();
      case "integer":
        return value.isIntegralNumber()
            || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
      case "number":
        return value.isNumber();
      case "boolean":
        return value.isBoolean();
      case "array":
        return value.isArray();
      case "object":
        return value.isObject();
      default:
        return true;
    }
  }

  private void checkString(JsonNode schema, String text, String path, List<Violation> out) {
    int length = text.codePointCount(0, text.length());
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      out.add(invalid(path, "must be at least " + schema.get("minLength").asInt() + " characters"));
    }
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      out.add(invalid(path, "must be at most " + schema.get("maxLength").asInt() + " characters"));
    }
    if (schema.has("pattern")) {
      String regex = schema.get("pattern").asText();
      if (!patterns.computeIfAbsent(regex, Pattern::compile).matcher(text).find()) {
        String what =
            path.endsWith("phone") || regex.contains("\\+[1-9]")
                ? " (an E.164 number such as +14155550100)"
                : "";
        out.add(invalid(path, "must match the pattern " + regex + what));
      }
    }
    String format = schema.path("format").asText("");
    switch (format) {
      case "date-time":
        if (!Rfc3339.valid(text)) {
          out.add(invalid(path, "must be an RFC 3339 date-time such as 2026-11-28T14:03:00Z"));
        }
        break;
      case "email":
        if (!EMAIL.matcher(text).matches()) {
          out.add(invalid(path, "must be an email address"));
        }
        break;
      case "uri":
        if (!isAbsoluteUri(text)) {
          out.add(invalid(path, "must be an absolute URI"));
        }
        break;
      default:
        break;
    }
  }

  private static boolean isAbsoluteUri(String text) {
    try {
      URI uri = new URI(text);
      return uri.isAbsolute() && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void checkNumber(
      JsonNode schema, JsonNode value, String path, List<Violation> out) {
    double number = value.asDouble();
    if (schema.has("minimum")) {
      double min = schema.get("minimum").asDouble();
      boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
      if (exclusive ? number <= min : number < min) {
        out.add(
            invalid(
                path,
                "must be " + (exclusive ? "greater than " : "at least ") + schema.get("minimum")));
      }
    }
    if (schema.has("maximum")) {
      double max = schema.get("maximum").asDouble();
      boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
      if (exclusive ? number >= max : number > max) {
        out.add(
            invalid(
                path,
                "must be " + (exclusive ? "less than " : "at most ") + schema.get("maximum")));
      }
    }
  }

  private void checkArray(JsonNode schema, JsonNode value, String path, List<Violation> out) {
    if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
      out.add(invalid(path, "must have at least " + schema.get("minItems").asInt() + " items"));
    }
    if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
      out.add(invalid(path, "must have at most " + schema.get("maxItems").asInt() + " items"));
    }
    if (schema.path("uniqueItems").asBoolean(false)) {
      Set<JsonNode> seen = new HashSet<>();
      for (int i = 0; i < value.size(); i++) {
        if (!seen.add(value.get(i))) {
          out.add(invalid(path + "[" + i + "]", "duplicates an earlier item"));
        }
      }
    }
    if (schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), path + "[" + i + "]", out);
      }
    }
  }

  private void checkObject(JsonNode schema, JsonNode value, String path, List<Violation> out) {
    JsonNode properties = schema.path("properties");
    for (JsonNode required : schema.path("required")) {
      String name = required.asText();
      JsonNode property = properties.path(name);
      boolean readOnly =
          !property.isMissingNode() && resolve(property).path("readOnly").asBoolean(false);
      if (!value.has(name) && !readOnly) {
        out.add(
            new Violation(
                join(path, name), "parameter_missing", join(path, name) + " is required"));
      }
    }
    if (schema.has("minProperties") && value.size() < schema.get("minProperties").asInt()) {
      out.add(
          invalid(
              path, "must have at least " + schema.get("minProperties").asInt() + " properties"));
    }
    if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").asInt()) {
      out.add(
          invalid(
              path, "must have at most " + schema.get("maxProperties").asInt() + " properties"));
    }
    JsonNode additional = schema.get("additionalProperties");
    Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String childPath = join(path, field.getKey());
      if (properties.has(field.getKey())) {
        check(properties.get(field.getKey()), field.getValue(), childPath, out);
      } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
        out.add(new Violation(childPath, "parameter_unknown", childPath + " is not a known field"));
      } else if (additional != null && additional.isObject()) {
        check(additional, field.getValue(), childPath, out);
      }
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static Violation invalid(String path, String problem) {
    String subject = path.isEmpty() ? "The request body" : path;
    return new Violation(path, "parameter_invalid", subject + " " + problem + ".");
  }
}
