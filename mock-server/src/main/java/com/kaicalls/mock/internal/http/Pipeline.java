package com.kaicalls.mock.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.internal.access.ActingWorkspace;
import com.kaicalls.mock.internal.access.Authenticator;
import com.kaicalls.mock.internal.access.IdempotencyCache;
import com.kaicalls.mock.internal.access.RateLimiter;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.api.ApiCall;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.api.ApiResponse;
import com.kaicalls.mock.internal.api.Handler;
import com.kaicalls.mock.internal.api.Principal;
import com.kaicalls.mock.internal.spec.ApiSpec;
import com.kaicalls.mock.internal.spec.SchemaValidator;
import com.kaicalls.mock.internal.spec.Violation;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.InvalidCursorException;
import com.kaicalls.mock.internal.store.Transactions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The request checklist, in order: size (413), route (404/405), body media type (415), key (401),
 * rate limit (429), scope (403), parameters against the spec (400), the {@code KaiCalls-Workspace}
 * target (404), body against the spec (400), idempotency (409/422/replay), then the operation's
 * handler. Every response carries {@code Request-Id}. The HTTP-level checks before it (Host,
 * origin, body limit) are in {@code internal.http.RequestGuard}.
 */
public final class Pipeline {

  static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final System.Logger LOG = System.getLogger("com.kaicalls.mock");

  /** What the transport hands in. */
  record RawRequest(String method, String url, UnaryOperator<String> header, byte[] body) {}

  private final RouteTable routes;
  private final SchemaValidator validator;
  private final Parameters parameters;
  private final Map<String, Handler> handlers;
  private final Set<String> lenientOperations;
  private final Authenticator auth;
  private final ActingWorkspace acting;
  private final RateLimiter rateLimiter;
  private final IdempotencyCache idempotency;
  private final Ids ids;
  private final Consumer<String> requestLog;
  private final RequestLog recent;
  private final Transactions tx;

  public Pipeline(
      RouteTable routes,
      SchemaValidator validator,
      Map<String, Handler> handlers,
      Set<String> lenientOperations,
      Authenticator auth,
      ActingWorkspace acting,
      RateLimiter rateLimiter,
      IdempotencyCache idempotency,
      Ids ids,
      Consumer<String> requestLog,
      RequestLog recent,
      Transactions tx) {
    this.tx = tx;
    this.recent = recent;
    this.routes = routes;
    this.validator = validator;
    this.parameters = new Parameters(validator);
    this.handlers = handlers;
    this.lenientOperations = lenientOperations;
    this.auth = auth;
    this.acting = acting;
    this.rateLimiter = rateLimiter;
    this.idempotency = idempotency;
    this.ids = ids;
    this.requestLog = requestLog;
  }

  ApiResponse handle(RawRequest request) {
    long started = System.nanoTime();
    Instant received = recent.now();
    String requestId = "req_" + ids.random(24);
    Map<String, String> extraHeaders = new LinkedHashMap<>();
    String path = pathOf(request.url());
    // Known once the key is checked, then acting in the client workspace named by the header:
    // logged with every later answer.
    Principal[] caller = {null};
    ApiResponse response;
    try {
      RouteTable.Match match = route(request, path);
      caller[0] = auth.authenticate(request.header().apply("Authorization"));
      response = process(request, path, match, caller, requestId, extraHeaders);
    } catch (ApiException e) {
      response = ApiResponse.error(e, requestId);
    } catch (InvalidCursorException e) {
      response = ApiResponse.error(ApiException.of(e), requestId);
    } catch (RuntimeException e) {
      // One line for the person running the emulator; the stack trace only when they ask for debug
      // logs.
      LOG.log(
          System.Logger.Level.ERROR,
          "Unexpected error answering "
              + request.method()
              + " "
              + path
              + " ("
              + requestId
              + "): "
              + e);
      LOG.log(System.Logger.Level.DEBUG, "Stack trace of the error answering " + requestId, e);
      response =
          ApiResponse.error(
              new ApiException(
                  500,
                  "api_error",
                  "internal_error",
                  "An unexpected error occurred in the emulator.",
                  null),
              requestId);
    }
    extraHeaders.forEach(response.headers::putIfAbsent);
    response.headers.put("Request-Id", requestId);
    long durationMs = (System.nanoTime() - started) / 1_000_000;
    String keyId = caller[0] == null ? null : caller[0].keyId();
    if (requestLog != null) {
      requestLog.accept(
          String.format(
              "%s %s %d key=%s %dms %s",
              request.method(),
              path,
              response.status,
              keyId == null ? "-" : keyId,
              durationMs,
              requestId));
    }
    record(
        received,
        request,
        response,
        keyId,
        caller[0] == null ? null : caller[0].workspaceId(),
        requestId,
        durationMs);
    return response;
  }

  private void record(
      Instant received,
      RawRequest request,
      ApiResponse response,
      String keyId,
      String workspaceId,
      String requestId,
      long durationMs) {
    recent.record(
        new RequestLog.Exchange(
            received,
            request.method(),
            request.url(),
            response.status,
            keyId,
            workspaceId,
            requestId,
            request.header().apply("Idempotency-Key"),
            "true".equals(response.headers.get("Idempotent-Replayed")),
            durationMs,
            request.body(),
            request.header().apply("Content-Type"),
            response.body,
            response.contentType));
  }

  /** The checks before the key: size (413), route (404/405), body media type (415). */
  private RouteTable.Match route(RawRequest request, String path) {
    byte[] rawBody = request.body() == null ? new byte[0] : request.body();
    if (rawBody.length > MAX_BODY_BYTES) {
      throw new ApiException(
          413,
          "payload_too_large",
          "payload_too_large",
          "Request bodies are limited to 1 MB.",
          null);
    }
    RouteTable.Match match = routes.match(request.method(), path);
    if (match == null) {
      Set<String> allowed = routes.allowedMethods(path);
      if (allowed.isEmpty()) {
        throw new ApiException(
            404,
            "not_found",
            "route_not_found",
            "Unrecognized request URL (" + request.method() + " " + path + ").",
            null);
      }
      throw new ApiException(
          405,
          "invalid_request",
          "method_not_allowed",
          request.method()
              + " is not allowed on "
              + path
              + "; allowed: "
              + String.join(", ", allowed)
              + ".",
          null,
          Map.of("Allow", String.join(", ", allowed)));
    }
    if (rawBody.length > 0) {
      RequestBody.checkContentType(request.header().apply("Content-Type"));
    }
    return match;
  }

  /**
   * The checks after the key (rate limit, scope, parameters, acting workspace, body, idempotency),
   * then the handler; {@code caller[0]} is the key's principal, replaced by the acting one.
   */
  private ApiResponse process(
      RawRequest request,
      String path,
      RouteTable.Match match,
      Principal[] caller,
      String requestId,
      Map<String, String> extraHeaders) {
    Principal key = caller[0];
    byte[] rawBody = request.body() == null ? new byte[0] : request.body();
    ApiSpec.Operation operation = match.operation();
    rateLimiter.acquire(key.keyId(), extraHeaders);
    String scope = operation.requiredScope();
    if (scope != null && !key.scopes().contains(scope)) {
      throw ApiException.forbidden(
          "This API key lacks the scope '"
              + scope
              + "' required by "
              + operation.operationId()
              + ".");
    }
    Map<String, List<String>> query = parseQuery(request.url());
    parameters.check(operation, match.pathParams(), query, request.header());
    Principal principal = acting.resolve(key, request.header().apply(Workspaces.HEADER));
    caller[0] = principal;
    JsonNode body = null;
    List<Violation> violations = List.of();
    if (rawBody.length > 0 && operation.bodySchema() != null) {
      body = RequestBody.parse(rawBody);
    }
    if (operation.bodySchema() != null) {
      if (body == null && operation.bodyRequired()) {
        throw ApiException.invalid("parameter_missing", "A JSON request body is required.", null);
      }
      if (body != null) {
        violations = validator.validate(operation.bodySchema(), body);
        boolean lenient = lenientOperations.contains(operation.operationId()) && body.isObject();
        if (!violations.isEmpty() && !lenient) {
          throw ApiException.of(violations.get(0));
        }
      }
    }
    Handler handler = handlers.get(operation.operationId());
    if (handler == null) {
      throw new ApiException(
          500,
          "api_error",
          "not_implemented",
          operation.operationId() + " is not implemented by the emulator.",
          null);
    }
    ApiCall call =
        new ApiCall(requestId, principal, operation, match.pathParams(), query, body, violations);
    String idempotencyKey =
        request.method().equals("POST") ? request.header().apply("Idempotency-Key") : null;
    boolean writes = !request.method().equals("GET") && !request.method().equals("HEAD");
    if (idempotencyKey == null) {
      return writes ? tx.call(() -> handler.handle(call)) : handler.handle(call);
    }
    IdempotencyCache.Entry entry =
        idempotency.claim(
            principal.workspaceId(), idempotencyKey, operation.operationId(), path, body);
    if (entry.response() != null) {
      return entry.response().copy().header("Idempotent-Replayed", "true");
    }
    // The change and its idempotency record are committed together.
    return tx.call(
        () -> {
          ApiResponse response = null;
          try {
            response = handler.handle(call);
            return response;
          } finally {
            idempotency.complete(principal.workspaceId(), idempotencyKey, entry, response);
          }
        });
  }

  /**
   * An error response outside the checklist (an injected fault), with its own request id; logged.
   */
  ApiResponse errorResponse(RawRequest request, ApiException e) {
    String requestId = "req_" + ids.random(24);
    ApiResponse response = ApiResponse.error(e, requestId);
    response.headers.put("Request-Id", requestId);
    record(recent.now(), request, response, null, null, requestId, 0);
    return response;
  }

  static String pathOf(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  static Map<String, List<String>> parseQuery(String url) {
    int q = url.indexOf('?');
    if (q < 0 || q == url.length() - 1) {
      return Map.of();
    }
    Map<String, List<String>> params = new HashMap<>();
    for (String pair : url.substring(q + 1).split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }
}
