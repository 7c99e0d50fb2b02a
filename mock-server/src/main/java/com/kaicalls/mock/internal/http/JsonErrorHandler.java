package com.kaicalls.mock.internal.http;

import com.kaicalls.mock.internal.api.ErrorEnvelope;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's error pages, replaced by the JSON envelope: requests Jetty refuses before any handler
 * (bad URI encoding, 431 headers too large, conflicting length headers) and errors raised inside a
 * context (a static 404, an exception). Never HTML, text or a stack trace.
 */
public final class JsonErrorHandler extends ErrorHandler {

  private static final System.Logger LOG = System.getLogger("com.kaicalls.mock");

  /** Every method gets a body (Jetty's default writes none for PUT or DELETE). */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (code >= 500 && failure instanceof Throwable t) {
      LOG.log(
          System.Logger.Level.ERROR,
          "Unexpected error answering " + request.getMethod() + " " + request.getRequestURI(),
          t);
    }
    byte[] body = body(code, code >= 500 ? null : message);
    response.setHeader(ErrorEnvelope.SHOULD_RETRY, ErrorEnvelope.shouldRetry(code, null));
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    baseRequest.setHandled(true);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
    fields.put(ErrorEnvelope.SHOULD_RETRY, ErrorEnvelope.shouldRetry(status, null));
    return ByteBuffer.wrap(body(status, reason));
  }

  /** The envelope for an HTTP-level error, with a message a developer can act on. */
  static byte[] body(int status, String detail) {
    String code;
    String message;
    switch (status) {
      case 400:
        code = "malformed_request";
        message = "The request is not valid HTTP" + (detail == null ? "." : ": " + detail + ".");
        break;
      case 404:
        code = "route_not_found";
        message = "Unrecognized request URL.";
        break;
      case 405:
        code = "method_not_allowed";
        message = "This method is not allowed on this URL.";
        break;
      case 413:
        code = "payload_too_large";
        message = "Request bodies are limited to 1 MB.";
        break;
      case 414:
        code = "uri_too_long";
        message = "The request URL is too long.";
        break;
      case 431:
        code = "headers_too_large";
        message = "The request headers are too large.";
        break;
      case 505:
        code = "http_version_not_supported";
        message = "The HTTP version is not supported (use HTTP/1.1).";
        break;
      default:
        code = status >= 500 ? "internal_error" : "http_" + status;
        message =
            status >= 500
                ? "An unexpected error occurred in the emulator."
                : "The request was refused (HTTP "
                    + status
                    + (detail == null ? ")." : ": " + detail + ").");
        break;
    }
    return ErrorEnvelope.json(
        ErrorEnvelope.typeFor(status), code, message, null, ErrorEnvelope.newRequestId());
  }
}
