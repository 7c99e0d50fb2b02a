package com.kaicalls.mock.internal.http;

import com.kaicalls.mock.internal.api.ErrorEnvelope;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Runs before WireMock sees a request, in order: the {@code Host} rule, {@code CONNECT} (refused),
 * WireMock's generic admin routes (closed), cross-origin state changes (refused), an ambiguous
 * {@code Authorization}, query-string encoding, and the body limit (a {@code Content-Length} above
 * it is refused at once; a body of unknown length is read at most to the limit). Adds the security
 * headers to every response. Every refusal is the JSON envelope.
 */
final class RequestGuard extends HandlerWrapper {

  /** The largest request body accepted: 1 MB. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  /**
   * A snapshot to restore is the whole state, so its route takes more (still bounded: it is read
   * into memory).
   */
  static final int MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; "
          + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
          + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  private static final String OWN_ADMIN = "/__admin/kaicalls/";
  private static final java.util.regex.Pattern SLASHES = java.util.regex.Pattern.compile("/{2,}");

  private final OriginPolicy policy;

  RequestGuard(OriginPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    HttpServletRequest checked = check(baseRequest, request, response);
    if (checked != null) {
      super.handle(target, baseRequest, checked, response);
    }
  }

  /**
   * The request to pass on (its body buffered when its length was unknown), or {@code null} when
   * answered.
   */
  private HttpServletRequest check(
      Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String host = request.getHeader("Host");
    if (!policy.allowsHost(host)) {
      return refuse(
          baseRequest,
          response,
          403,
          "host_not_allowed",
          "The Host '"
              + host
              + "' is not one this emulator "
              + "answers: use 127.0.0.1 or localhost, or start it with --allowed-host <name>.",
          "Host");
    }
    if (request.getMethod().equals("CONNECT")) {
      // WireMock's servlet would answer a CONNECT and hold a tunnel open; the emulator is no proxy.
      response.setHeader("Connection", "close");
      return refuse(
          baseRequest,
          response,
          405,
          "method_not_allowed",
          "CONNECT is not supported: the emulator is " + "not a proxy.",
          null);
    }
    String path = baseRequest.getHttpURI().getDecodedPath();
    boolean admin =
        path != null
            && (path.contains("//") ? SLASHES.matcher(path).replaceAll("/") : path)
                .startsWith("/__admin");
    if (admin && !path.startsWith(OWN_ADMIN)) {
      return refuse(
          baseRequest,
          response,
          404,
          "route_not_found",
          "WireMock's own admin API is closed in the "
              + "emulator; its controls are under "
              + OWN_ADMIN
              + ".",
          null);
    }
    boolean safe = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
    if ((admin || !safe)
        && OriginPolicy.crossOrigin(
            request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"), host)) {
      return refuse(
          baseRequest,
          response,
          403,
          "cross_origin_forbidden",
          "Requests from a page of another origin "
              + "may not change the emulator's state or use its admin routes.",
          "Origin");
    }
    List<String> authorization = Collections.list(request.getHeaders("Authorization"));
    if (authorization.size() > 1) {
      return refuse(
          baseRequest,
          response,
          400,
          "duplicate_header",
          "Send one Authorization header; this request has " + authorization.size() + ".",
          "Authorization");
    }
    String badParam = QueryEncoding.badlyEncodedParam(request.getQueryString());
    if (badParam != null) {
      return refuse(
          baseRequest,
          response,
          400,
          "parameter_invalid",
          "Query parameter '"
              + badParam
              + "' is not valid percent-encoding (a '%' must be followed by two hex digits).",
          badParam);
    }
    long length = request.getContentLengthLong();
    int limit = admin && path.equals(OWN_ADMIN + "snapshot") ? MAX_SNAPSHOT_BYTES : MAX_BODY_BYTES;
    if (length > limit) {
      return tooLarge(baseRequest, response, limit);
    }
    if (length < 0
        && (request.getHeader("Transfer-Encoding") != null
            || !request.getProtocol().startsWith("HTTP/1"))) {
      byte[] body = request.getInputStream().readNBytes(limit + 1);
      if (body.length > limit) {
        return tooLarge(baseRequest, response, limit);
      }
      return new BufferedBody(request, body);
    }
    return request;
  }

  private static HttpServletRequest tooLarge(
      Request baseRequest, HttpServletResponse response, int limit) throws IOException {
    // The rest of the body is never read: close the connection after the answer.
    response.setHeader("Connection", "close");
    return refuse(
        baseRequest,
        response,
        413,
        "payload_too_large",
        "Request bodies are limited to " + limit / (1024 * 1024) + " MB.",
        null);
  }

  private static HttpServletRequest refuse(
      Request baseRequest,
      HttpServletResponse response,
      int status,
      String code,
      String message,
      String param)
      throws IOException {
    byte[] body =
        ErrorEnvelope.json(
            ErrorEnvelope.typeFor(status), code, message, param, ErrorEnvelope.newRequestId());
    response.setStatus(status);
    response.setHeader(ErrorEnvelope.SHOULD_RETRY, ErrorEnvelope.shouldRetry(status, code));
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    baseRequest.setHandled(true);
    return null;
  }

  /** A request whose body was read ahead (to check its size) and is served from memory. */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("blocking reads only");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }
  }
}
