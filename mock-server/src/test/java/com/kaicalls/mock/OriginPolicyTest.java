package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one origin policy: Host rule, cross-origin refusals, closed WireMock admin routes, page
 * headers.
 */
class OriginPolicyTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder().allowedHost("kaicalls-mock").build();

  private static final String EVIL = "http://evil.example";

  private static int port() {
    return MOCK.server().port();
  }

  private static String auth() {
    return "\r\nAuthorization: Bearer " + MOCK.apiKey();
  }

  private static RawHttp.Reply get(String path, String host, String extraHeaders) {
    return RawHttp.send(port(), "GET " + path + " HTTP/1.1\r\nHost: " + host + extraHeaders, null);
  }

  private static RawHttp.Reply post(
      String path, String extraHeaders, String contentType, String body) {
    return RawHttp.send(
        port(),
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + port()
            + extraHeaders
            + "\r\nContent-Type: "
            + contentType
            + "\r\nContent-Length: "
            + body.length(),
        body);
  }

  @Test
  void aForeignHostIsRefused403InTheEnvelopeAndTheKeysPageIsNotServed() {
    RawHttp.Reply reply = get("/dashboard/settings/api-keys", "evil.example:" + port(), "");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("host_not_allowed");
    assertThat(reply.errorParam()).isEqualTo("Host");
    assertThat(reply.body()).doesNotContain(MOCK.apiKey());
  }

  @Test
  void loopbackNamesTheBindAddressAndAllowedHostsAreAnswered() {
    for (String host :
        List.of(
            "127.0.0.1:" + port(),
            "localhost:" + port(),
            "127.8.9.10",
            "[::1]:" + port(),
            "LOCALHOST",
            "kaicalls-mock:8089")) {
      assertThat(get("/v1/me", host, auth()).status()).as(host).isEqualTo(200);
    }
  }

  @Test
  void namesThatOnlyLookLikeTheLoopbackAreRefused() {
    for (String host :
        List.of(
            "127.0.0.1.evil.example", "localhost.evil.example:" + port(), "kaicalls-mock.evil")) {
      assertThat(get("/v1/me", host, auth()).status()).as(host).isEqualTo(403);
    }
  }

  @Test
  void theAdminApiGrantsNoCorsToAForeignOrigin() {
    RawHttp.Reply read =
        get("/__admin/kaicalls/keys", "127.0.0.1:" + port(), "\r\nOrigin: " + EVIL);
    RawHttp.Reply preflight =
        RawHttp.send(
            port(),
            "OPTIONS /__admin/kaicalls/reset HTTP/1.1\r\nHost: 127.0.0.1:"
                + port()
                + "\r\nOrigin: "
                + EVIL
                + "\r\nAccess-Control-Request-Method: POST",
            null);

    assertThat(read.status()).isEqualTo(403);
    assertThat(read.errorCode()).isEqualTo("cross_origin_forbidden");
    assertThat(read.body()).doesNotContain(MOCK.apiKey());
    assertThat(read.header("Access-Control-Allow-Origin")).isNull();
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void aTextPlainPostFromAForeignPageCannotResetTheEmulator() {
    ApiClient api = new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
    String agent = Runs.agent(api);
    String runId =
        api.post(
                "/v1/communication-runs",
                Runs.body(agent, "+14155550120"),
                Runs.key("keep-" + System.nanoTime()))
            .json()
            .path("id")
            .asText();

    RawHttp.Reply reset = post("/__admin/kaicalls/reset", "\r\nOrigin: " + EVIL, "text/plain", "x");

    assertThat(reset.status()).isEqualTo(403);
    assertThat(reset.errorCode()).isEqualTo("cross_origin_forbidden");
    assertThat(api.get("/v1/communication-runs/" + runId).status()).isEqualTo(200);
  }

  @Test
  void aCrossSiteStateChangeIsRefusedEvenWithoutAnOrigin() {
    RawHttp.Reply reply =
        post(
            "/v1/communication-runs/validate",
            auth() + "\r\nSec-Fetch-Site: cross-site",
            "application/json",
            "{}");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorParam()).isEqualTo("Origin");
  }

  @Test
  void aSameOriginPageMayChangeState() {
    String agent = Runs.agent(new ApiClient(MOCK.baseUrl(), MOCK.apiKey()));
    String body =
        "{\"name\":\"n\",\"agent_id\":\""
            + agent
            + "\",\"channel\":\"voice\",\"recipients\":[{\"phone\":\"+14155550120\"}]}";

    RawHttp.Reply reply =
        post(
            "/v1/communication-runs/validate",
            auth() + "\r\nOrigin: http://127.0.0.1:" + port() + "\r\nSec-Fetch-Site: same-origin",
            "application/json",
            body);

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void wireMocksGenericAdminRoutesAreClosedAndTheApiKeepsWorking() {
    Map<String, String> routes =
        Map.of(
            "/__admin/mappings",
            "POST",
            "/__admin/reset",
            "POST",
            "/__admin/requests",
            "GET",
            "/__admin/recordings/status",
            "GET",
            "/__admin/settings",
            "POST",
            "/__admin/shutdown",
            "POST",
            "/__admin/swagger-ui/",
            "GET",
            "/__admin/kaicalls/../mappings",
            "GET",
            "//__admin/mappings",
            "GET",
            "/%5F_admin/requests",
            "GET");
    routes.forEach(
        (path, method) -> {
          String body = method.equals("POST") ? "{}" : "";
          RawHttp.Reply reply =
              RawHttp.send(
                  port(),
                  method
                      + " "
                      + path
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                      + "application/json\r\nContent-Length: "
                      + body.length(),
                  body);

          assertThat(reply.status()).as(method + " " + path).isEqualTo(404);
          assertThat(reply.errorCode()).as(method + " " + path).isEqualTo("route_not_found");
        });

    assertThat(new ApiClient(MOCK.baseUrl(), MOCK.apiKey()).get("/v1/me").status()).isEqualTo(200);
    assertThat(get("/__admin/kaicalls/clock", "127.0.0.1", "").status()).isEqualTo(200);
  }

  @Test
  void pagesForbidFramingAndSniffing() {
    RawHttp.Reply page = get("/dashboard/settings/api-keys", "127.0.0.1:" + port(), "");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Security-Policy"))
        .contains("frame-ancestors 'none'")
        .contains("default-src 'self'");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }
}
