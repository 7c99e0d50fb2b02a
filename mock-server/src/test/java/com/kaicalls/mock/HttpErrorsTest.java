package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Errors raised before the API pipeline (Jetty, the request guard, static files) are the JSON
 * envelope too.
 */
class HttpErrorsTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK = KaiCallsMockExtension.builder().build();

  private static int port() {
    return MOCK.server().port();
  }

  private static RawHttp.Reply send(String head, String body) {
    return RawHttp.send(port(), head.replace("\n", "\r\n"), body);
  }

  private static void assertEnvelope(RawHttp.Reply reply, int status) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.json().path("error").path("request_id").asText()).startsWith("req_");
    assertThat(reply.body()).doesNotContain("<html", "at com.", "at org.");
    // None of these can succeed by being sent again, 505 included.
    assertThat(reply.header("KaiCalls-Should-Retry")).isEqualTo("false");
  }

  @Test
  void aBadlyEncodedQueryIs400NamingTheParameter() {
    RawHttp.Reply reply = send("GET /v1/me?x=%zz HTTP/1.1\nHost: 127.0.0.1", null);

    assertEnvelope(reply, 400);
    assertThat(reply.errorParam()).isEqualTo("x");
  }

  @Test
  void aBadlyEncodedPathIs400() {
    assertEnvelope(send("GET /v1/leads/%zz HTTP/1.1\nHost: 127.0.0.1", null), 400);
  }

  @Test
  void aHundredKilobyteHeaderIs431() {
    RawHttp.Reply reply =
        send("GET /v1/me HTTP/1.1\nHost: 127.0.0.1\nX-Big: " + "a".repeat(100_000), null);

    assertEnvelope(reply, 431);
    assertThat(reply.errorCode()).isEqualTo("headers_too_large");
  }

  @Test
  void conflictingLengthHeadersAre400() {
    assertEnvelope(
        send(
            "POST /v1/communication-runs/validate HTTP/1.1\nHost: 127.0.0.1\nContent-Length: 2\n"
                + "Content-Length: 3",
            "{}"),
        400);
    assertEnvelope(
        send(
            "POST /v1/communication-runs/validate HTTP/1.1\nHost: 127.0.0.1\nContent-Length: 5\n"
                + "Transfer-Encoding: chunked",
            "0\r\n\r\n"),
        400);
  }

  @Test
  void missingStaticFilesAreJson404s() {
    assertEnvelope(send("GET /assets/kaicalls/missing.js HTTP/1.1\nHost: 127.0.0.1", null), 404);
    assertEnvelope(send("GET /__files/missing HTTP/1.1\nHost: 127.0.0.1", null), 404);
    assertEnvelope(
        send("DELETE /docs/api/swagger-ui/missing.css HTTP/1.1\nHost: 127.0.0.1", null), 404);
  }

  @Test
  void anUnsupportedHttpVersionIs505InTheEnvelope() {
    RawHttp.Reply reply = send("GET /v1/me HTTP/9.9\nHost: 127.0.0.1", null);

    assertEnvelope(reply, 505);
    assertThat(reply.errorCode()).isEqualTo("http_version_not_supported");
  }

  @Test
  void connectIsRefusedNotTunnelled() {
    RawHttp.Reply reply =
        send("CONNECT 127.0.0.1:" + port() + " HTTP/1.1\nHost: 127.0.0.1:" + port(), null);

    assertEnvelope(reply, 405);
  }

  @Test
  void twoAuthorizationHeadersAre400NamingIt() {
    RawHttp.Reply reply =
        send(
            "GET /v1/me HTTP/1.1\nHost: 127.0.0.1\nAuthorization: Bearer "
                + MOCK.apiKey()
                + "\nAuthorization: Bearer kc_test_someone_else_123456",
            null);

    assertEnvelope(reply, 400);
    assertThat(reply.errorCode()).isEqualTo("duplicate_header");
    assertThat(reply.errorParam()).isEqualTo("Authorization");
  }

  @Test
  void aContentLengthAboveOneMegabyteIsRefusedAtOnceWithoutWaitingForTheBody() {
    // No body follows: a server waiting for it would hit the 10 s read timeout instead of
    // answering.
    RawHttp.Reply reply =
        send(
            "POST /v1/communication-runs/validate HTTP/1.1\nHost: 127.0.0.1\n"
                + "Content-Type: application/json\nContent-Length: 10000000000",
            null);

    assertEnvelope(reply, 413);
    assertThat(reply.errorCode()).isEqualTo("payload_too_large");
  }

  @Test
  void aChunkedBodyIsRefusedOnceItPassesOneMegabyteWithoutWaitingForItsEnd() {
    StringBuilder request =
        new StringBuilder(
            "POST /v1/communication-runs/validate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
    String chunk = "a".repeat(256 * 1024);
    for (int i = 0; i < 5; i++) {
      request
          .append(Integer.toHexString(chunk.length()))
          .append("\r\n")
          .append(chunk)
          .append("\r\n");
    }
    // No final chunk: a server reading the whole body before its check would wait here until the
    // read timeout.

    RawHttp.Reply reply =
        RawHttp.sendBytes(port(), request.toString().getBytes(StandardCharsets.US_ASCII));

    assertEnvelope(reply, 413);
  }

  @Test
  void aChunkedBodyUnderTheLimitIsRead() {
    String body = "{\"name\":\"x\"}";
    String request =
        "POST /v1/communication-runs/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + MOCK.apiKey()
            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            + Integer.toHexString(body.length())
            + "\r\n"
            + body
            + "\r\n0\r\n\r\n";

    RawHttp.Reply reply = RawHttp.sendBytes(port(), request.getBytes(StandardCharsets.US_ASCII));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isIn("agent_id", "channel", "recipients");
  }
}
