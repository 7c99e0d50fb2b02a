package com.kaicalls.sdk.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * One API operation to call: method, path with its parameters filled in, query parameters and an
 * optional JSON body. Built by the generated services; immutable once built. Internal.
 */
public final class ApiRequest {
  private final String method;
  private final String path;
  private final List<String[]> query;
  private final Object body;
  private final String operationId;

  private ApiRequest(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.query = Collections.unmodifiableList(new ArrayList<>(b.query));
    this.body = b.body;
    this.operationId = b.operationId;
  }

  /**
   * Starts a request.
   *
   * @param operationId the operation's id in openapi.yaml, used in logs
   * @param method HTTP method
   * @param pathTemplate path with {@code {name}} placeholders
   * @return a builder
   */
  public static Builder builder(String operationId, String method, String pathTemplate) {
    return new Builder(operationId, method, pathTemplate);
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  List<String[]> query() {
    return query;
  }

  Object body() {
    return body;
  }

  String operationId() {
    return operationId;
  }

  /** Builds an {@link ApiRequest}. */
  public static final class Builder {
    private final String operationId;
    private final String method;
    private String path;
    private final List<String[]> query = new ArrayList<>();
    private Object body;

    private Builder(String operationId, String method, String pathTemplate) {
      this.operationId = operationId;
      this.method = method;
      this.path = pathTemplate;
    }

    /**
     * Fills a path placeholder, percent-encoding the value.
     *
     * @param name the placeholder's name
     * @param value its value; must not be null or blank
     * @return this builder
     * @throws IllegalArgumentException if the value is null or blank
     */
    public Builder pathParam(String name, Object value) {
      if (value == null || String.valueOf(value).trim().isEmpty()) {
        throw new IllegalArgumentException(name + " must not be null or blank");
      }
      String encoded =
          URLEncoder.encode(QueryValues.format(value), StandardCharsets.UTF_8).replace("+", "%20");
      path = path.replace("{" + name + "}", encoded);
      return this;
    }

    /**
     * Adds a query parameter; null values are skipped and collections repeat the name once per
     * element.
     *
     * @param name parameter name
     * @param value the value, a collection of values, or null
     * @return this builder
     */
    public Builder query(String name, Object value) {
      if (value instanceof Collection) {
        for (Object item : (Collection<?>) value) {
          query(name, item);
        }
      } else if (value != null) {
        query.add(new String[] {name, QueryValues.format(value)});
      }
      return this;
    }

    /**
     * Sets the JSON body; null sends none (for operations whose body is optional).
     *
     * @param body the object to serialise, or null
     * @return this builder
     */
    public Builder body(Object body) {
      this.body = body;
      return this;
    }

    /** Returns the request. */
    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }
}
