package com.kaicalls.mock.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parts of {@code openapi.yaml} the emulator runs on, read once at startup: operations (method,
 * path, operationId, {@code x-required-scope}), their parameters and request body schemas, and a
 * {@link SchemaValidator} over the document's components.
 */
public final class ApiSpec {

  static final String RESOURCE = "/com/kaicalls/mock/openapi.yaml";
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  public final byte[] raw;
  public final JsonNode root;
  public final List<Operation> operations;
  public final SchemaValidator validator;

  private ApiSpec(byte[] raw, JsonNode root) {
    this.raw = raw;
    this.root = root;
    this.validator = new SchemaValidator(root);
    this.operations = List.copyOf(readOperations());
  }

  public static ApiSpec load() {
    try (InputStream in = ApiSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "openapi.yaml is missing from the classpath (" + RESOURCE + "); rebuild mock-server");
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ApiSpec parse(byte[] yaml) throws IOException {
    return new ApiSpec(yaml, new ObjectMapper(new YAMLFactory()).readTree(yaml));
  }

  /** Event types named by the {@code Event} discriminator mapping, or an empty set. */
  public Set<String> eventTypes() {
    JsonNode mapping = root.at("/components/schemas/Event/discriminator/mapping");
    Set<String> types = new java.util.TreeSet<>();
    mapping.fieldNames().forEachRemaining(types::add);
    return types;
  }

  private List<Operation> readOperations() {
    List<Operation> result = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").properties().iterator();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode pathItem = validator.resolve(path.getValue());
      List<JsonNode> shared = list(pathItem.path("parameters"));
      Iterator<Map.Entry<String, JsonNode>> methods = pathItem.properties().iterator();
      while (methods.hasNext()) {
        Map.Entry<String, JsonNode> entry = methods.next();
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        result.add(operation(path.getKey(), entry.getKey(), entry.getValue(), shared));
      }
    }
    return result;
  }

  private Operation operation(String path, String method, JsonNode op, List<JsonNode> shared) {
    Map<String, Param> params = new LinkedHashMap<>();
    List<JsonNode> all = new ArrayList<>(shared);
    all.addAll(list(op.path("parameters")));
    for (JsonNode p : all) {
      JsonNode param = validator.resolve(p);
      String in = param.path("in").asText();
      String name = param.path("name").asText();
      params.put(
          in + ":" + (in.equals("header") ? name.toLowerCase(Locale.ROOT) : name),
          new Param(name, in, param.path("required").asBoolean(false), param.path("schema")));
    }
    JsonNode body = validator.resolve(op.path("requestBody"));
    JsonNode bodySchema = body.path("content").path("application/json").path("schema");
    JsonNode scope = op.get("x-required-scope");
    return new Operation(
        method.toUpperCase(Locale.ROOT),
        path,
        op.path("operationId").asText(),
        scope == null || scope.isNull() ? null : scope.asText(),
        List.copyOf(params.values()),
        bodySchema.isMissingNode() ? null : bodySchema,
        body.path("required").asBoolean(false));
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  /** One operation of the spec. */
  public record Operation(
      String method,
      String path,
      String operationId,
      String requiredScope,
      List<Param> params,
      JsonNode bodySchema,
      boolean bodyRequired) {}

  /** One parameter: {@code in} is path, query or header. */
  public record Param(String name, String in, boolean required, JsonNode schema) {}
}
