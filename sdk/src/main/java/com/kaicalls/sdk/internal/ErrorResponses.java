package com.kaicalls.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kaicalls.sdk.errors.ApiException;
import com.kaicalls.sdk.errors.ApiException.ErrorDetails;
import com.kaicalls.sdk.errors.AuthenticationException;
import com.kaicalls.sdk.errors.BadRequestException;
import com.kaicalls.sdk.errors.ConflictException;
import com.kaicalls.sdk.errors.IdempotencyKeyReusedException;
import com.kaicalls.sdk.errors.InternalServerException;
import com.kaicalls.sdk.errors.NotFoundException;
import com.kaicalls.sdk.errors.PayloadTooLargeException;
import com.kaicalls.sdk.errors.PermissionDeniedException;
import com.kaicalls.sdk.errors.RateLimitException;
import com.kaicalls.sdk.errors.UnexpectedStatusException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Turns an error response into the exception for its status. */
final class ErrorResponses {
  private final ObjectMapper json;
  private final RetryPolicy retryPolicy;

  ErrorResponses(ObjectMapper json, RetryPolicy retryPolicy) {
    this.json = json;
    this.retryPolicy = retryPolicy;
  }

  ApiException toException(int status, Map<String, List<String>> headers, String body) {
    JsonNode error = envelope(body);
    String requestId = first(headers, "request-id");
    if (requestId == null) requestId = text(error, "request_id");
    String message = text(error, "message");
    if (message == null && !body.isEmpty())
      message = body.length() > 200 ? body.substring(0, 200) : body;
    ErrorDetails d =
        new ErrorDetails(
            status,
            text(error, "type"),
            text(error, "code"),
            message,
            text(error, "param"),
            requestId,
            headers,
            body);
    switch (status) {
      case 400:
        return new BadRequestException(d);
      case 401:
        return new AuthenticationException(d);
      case 403:
        return new PermissionDeniedException(d);
      case 404:
        return new NotFoundException(d);
      case 409:
        return new ConflictException(d);
      case 413:
        return new PayloadTooLargeException(d);
      case 422:
        return new IdempotencyKeyReusedException(d);
      case 429:
        return new RateLimitException(
            d, retryPolicy.parseRetryAfter(first(headers, "retry-after")));
      default:
        return status >= 500 ? new InternalServerException(d) : new UnexpectedStatusException(d);
    }
  }

  private JsonNode envelope(String body) {
    if (body.isEmpty()) return null;
    try {
      JsonNode root = json.readTree(body);
      JsonNode error = root == null ? null : root.get("error");
      return error != null && error.isObject() ? error : null;
    } catch (IOException notJson) {
      return null; // a proxy's HTML error page, say: the raw body is kept on the exception
    }
  }

  private static String text(JsonNode node, String field) {
    if (node == null) return null;
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  static String first(Map<String, List<String>> headers, String lowerName) {
    List<String> values = headers.get(lowerName);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
