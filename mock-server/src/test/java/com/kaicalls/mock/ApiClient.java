package com.kaicalls.mock;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Test HTTP client for the emulator. Every response it receives is checked against openapi.yaml
 * with Atlassian's swagger-request-validator (responses to unknown routes and methods excepted), so
 * each test is also a conformance test of what it touches.
 */
public final class ApiClient {

  /** One response: status, headers, raw body and parsed JSON (or null). */
  public record Reply(int status, Headers headers, byte[] bytes, JsonNode json) {
    public String header(String name) {
      return headers.get(name);
    }

    public String errorCode() {
      return json.path("error").path("code").asText(null);
    }

    public String errorParam() {
      return json.path("error").path("param").asText(null);
    }
  }

  public static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType APPLICATION_JSON = MediaType.get("application/json");
  private static volatile OpenApiInteractionValidator validator;
  private static final OkHttpClient SHARED =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .readTimeout(Duration.ofSeconds(30))
          .build();

  private final String baseUrl;
  private final String key;

  public ApiClient(String baseUrl, String key) {
    this.baseUrl = baseUrl;
    this.key = key;
  }

  public ApiClient withKey(String otherKey) {
    return new ApiClient(baseUrl, otherKey);
  }

  static OpenApiInteractionValidator validator() {
    if (validator == null) {
      synchronized (ApiClient.class) {
        if (validator == null) {
          String spec = System.getProperty("kaicalls.openapi", "../openapi.yaml");
          validator =
              OpenApiInteractionValidator.createForSpecificationUrl(
                      Path.of(spec).toAbsolutePath().toUri().toString())
                  .build();
        }
      }
    }
    return validator;
  }

  public Reply get(String path) {
    return send("GET", path, null, Map.of());
  }

  public Reply post(String path, Object body) {
    return send("POST", path, body, Map.of());
  }

  public Reply post(String path, Object body, Map<String, String> headers) {
    return send("POST", path, body, headers);
  }

  public Reply send(String method, String path, Object body, Map<String, String> headers) {
    okhttp3.Request.Builder request = new okhttp3.Request.Builder().url(baseUrl + path);
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    headers.forEach(request::header);
    RequestBody requestBody = null;
    if (body != null) {
      byte[] bytes;
      try {
        bytes =
            body instanceof byte[] b
                ? b
                : body instanceof String s
                    ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      requestBody = RequestBody.create(bytes, APPLICATION_JSON);
    } else if (method.equals("POST") || method.equals("PATCH")) {
      requestBody = RequestBody.create(new byte[0], null);
    }
    request.method(method, requestBody);
    try (Response response = SHARED.newCall(request.build()).execute()) {
      ResponseBody responseBody = response.body();
      byte[] bytes = responseBody.bytes();
      String contentType = response.header("Content-Type", "");
      JsonNode json =
          contentType.startsWith("application/json") && bytes.length > 0
              ? JSON.readTree(bytes)
              : null;
      Reply reply = new Reply(response.code(), response.headers(), bytes, json);
      conform(method, path, reply);
      return reply;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void conform(String method, String pathAndQuery, Reply reply) {
    String code = reply.json == null ? null : reply.errorCode();
    if ("route_not_found".equals(code)
        || "method_not_allowed".equals(code)
        || pathAndQuery.startsWith("/openapi.yaml")) {
      return;
    }
    String path =
        pathAndQuery.contains("?")
            ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
            : pathAndQuery;
    SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status);
    reply.headers.toMultimap().forEach((name, values) -> response.withHeader(name, values));
    String contentType = reply.headers.get("Content-Type");
    if (contentType != null) {
      response.withContentType(contentType);
    }
    response.withBody(reply.bytes);
    ValidationReport report =
        validator()
            .validateResponse(
                path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
    if (report.hasErrors()) {
      throw new AssertionError(
          "Response to "
              + method
              + " "
              + pathAndQuery
              + " ("
              + reply.status
              + ") does not conform to openapi.yaml:\n"
              + report
              + "\nbody: "
              + new String(reply.bytes, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
