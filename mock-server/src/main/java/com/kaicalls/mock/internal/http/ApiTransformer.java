package com.kaicalls.mock.internal.http;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.api.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adapts WireMock's serve events to the {@link Pipeline}, applying injected faults ({@link
 * FaultRegistry}) around it; also serves {@code GET /openapi.yaml}.
 */
public final class ApiTransformer implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "kaicalls-api";

  /** What requests need, available once the spec is parsed and the seed loaded. */
  public record Ready(Pipeline pipeline, byte[] spec, FaultRegistry faults) {}

  private final java.util.concurrent.CompletableFuture<Ready> ready;

  public ApiTransformer(java.util.concurrent.CompletableFuture<Ready> ready) {
    this.ready = ready;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Ready r = ready.join();
    Pipeline pipeline = r.pipeline();
    byte[] spec = r.spec();
    Request request = serveEvent.getRequest();
    String method = request.getMethod().getName();
    if ((method.equals("GET") || method.equals("HEAD"))
        && Pipeline.pathOf(request.getUrl()).equals("/openapi.yaml")) {
      return new ResponseDefinitionBuilder()
          .withStatus(200)
          .withHeader("Content-Type", "application/yaml")
          .withBody(spec)
          .build();
    }
    FaultRegistry.Rule fault = r.faults().take(method, Pipeline.pathOf(request.getUrl()));
    if (fault != null && fault.kind == FaultKind.CONNECTION_RESET) {
      return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    Pipeline.RawRequest raw =
        new Pipeline.RawRequest(
            method, request.getUrl(), name -> header(request, name), request.getBody());
    if (fault != null && fault.kind == FaultKind.STATUS) {
      return toDefinition(injectedStatus(fault, pipeline, raw));
    }
    ApiResponse response = pipeline.handle(raw);
    if (fault != null && fault.kind == FaultKind.COMMIT_THEN_DROP) {
      // The change is committed (journal included); the client never hears about it.
      return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    ResponseDefinitionBuilder definition = builder(response);
    if (fault != null && fault.kind == FaultKind.DELAY) {
      definition.withFixedDelay((int) fault.delayMs);
    }
    return definition.build();
  }

  private static ApiResponse injectedStatus(
      FaultRegistry.Rule fault, Pipeline pipeline, Pipeline.RawRequest raw) {
    boolean limited = fault.status == 429;
    String type = limited ? "rate_limited" : fault.status >= 500 ? "api_error" : "invalid_request";
    ApiException error =
        new ApiException(
            fault.status,
            type,
            limited ? "rate_limited" : "fault_injected",
            "Fault injected by the emulator (POST /__admin/kaicalls/faults).",
            null,
            fault.retryAfterSeconds == null
                ? Map.of()
                : Map.of("Retry-After", Long.toString(fault.retryAfterSeconds)));
    return pipeline.errorResponse(raw, error);
  }

  private static ResponseDefinition toDefinition(ApiResponse response) {
    return builder(response).build();
  }

  private static ResponseDefinitionBuilder builder(ApiResponse response) {
    List<HttpHeader> headers = new ArrayList<>(response.headers.size() + 1);
    headers.add(new HttpHeader("Content-Type", response.contentType));
    for (Map.Entry<String, String> h : response.headers.entrySet()) {
      headers.add(new HttpHeader(h.getKey(), h.getValue()));
    }
    return new ResponseDefinitionBuilder()
        .withStatus(response.status)
        .withHeaders(new HttpHeaders(headers))
        .withBody(response.body);
  }

  private static String header(Request request, String name) {
    return request.containsHeader(name) ? request.getHeader(name) : null;
  }
}
