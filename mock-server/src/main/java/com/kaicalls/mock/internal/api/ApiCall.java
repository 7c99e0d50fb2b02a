package com.kaicalls.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.spec.ApiSpec;
import com.kaicalls.mock.internal.spec.Violation;
import com.kaicalls.mock.internal.store.Store;
import java.util.List;
import java.util.Map;

/** One authenticated, validated request as a handler sees it. */
public final class ApiCall {

  final String requestId;
  public final Principal principal;
  final ApiSpec.Operation operation;
  final Map<String, String> pathParams;
  final Map<String, List<String>> query;
  public final JsonNode body;

  /** Body schema violations; non-empty only for operations that report them in their result. */
  public final List<Violation> violations;

  public ApiCall(
      String requestId,
      Principal principal,
      ApiSpec.Operation operation,
      Map<String, String> pathParams,
      Map<String, List<String>> query,
      JsonNode body,
      List<Violation> violations) {
    this.requestId = requestId;
    this.principal = principal;
    this.operation = operation;
    this.pathParams = pathParams;
    this.query = query;
    this.body = body;
    this.violations = violations;
  }

  public String workspace() {
    return principal.workspaceId();
  }

  public String path(String name) {
    return pathParams.get(name);
  }

  /**
   * The stored {@code type} document named by the path's {@code id} in the caller's workspace, or
   * the 404 {@code resource_missing} ("No such {@code what}: 'id'.", param {@code id}).
   */
  public ObjectNode require(Store store, String type, String what) {
    return require(store, type, path("id"), what, "id");
  }

  /**
   * The stored {@code type} document {@code id} of the caller's workspace, or the 404 {@code
   * resource_missing} ("No such {@code what}: 'id'.") naming {@code param}, the field that gave the
   * id.
   */
  public ObjectNode require(Store store, String type, String id, String what, String param) {
    ObjectNode document = store.get(workspace(), type, id);
    if (document == null) {
      throw ApiException.notFound(what, id, param);
    }
    return document;
  }

  /** The first value of a query parameter, or {@code null}. */
  public String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
