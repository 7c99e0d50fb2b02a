package com.kaicalls.mock.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The emulator's pages over plain HTTP (the browser test is examples/BrowserPagesTest). */
@KaiCallsMockTest
class PagesTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theThreePagesAreHtmlWithThisEmulatorsUrl(KaiCallsMockServer mock) throws Exception {
    for (String path :
        new String[] {"/docs/api", "/docs/api/quickstart", "/dashboard/settings/api-keys"}) {
      HttpResponse<String> page = get(mock, path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(page.body())
          .as(path)
          .contains("<meta name=\"kaicalls-base-url\" content=\"" + mock.baseUrl() + "\">")
          .doesNotContain("%%");
    }
    assertThat(get(mock, "/dashboard/settings/api-keys").body())
        .contains("<input type=\"checkbox\" name=\"scope\" value=\"runs:write\">");
    assertThat(get(mock, "/docs/api/quickstart").body())
        .contains("curl -s " + mock.baseUrl() + "/v1/me \\")
        .contains("-H \"Authorization: Bearer " + mock.apiKey() + "\"");
  }

  @Test
  void theDeveloperPagesAreHtmlWithoutTheDemoOrAgencyKey(KaiCallsMockServer mock) throws Exception {
    for (String path :
        new String[] {
          "/dashboard/developers/webhooks",
          "/dashboard/developers/events",
          "/dashboard/developers/logs",
          "/dashboard/settings/api-keys"
        }) {
      HttpResponse<String> page = get(mock, path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(page.body())
          .as(path)
          .doesNotContain(mock.apiKey())
          .doesNotContain(mock.agencyApiKey())
          .doesNotContain("%%");
    }
    assertThat(get(mock, "/dashboard/developers/events").body())
        .contains("<option value=\"call.completed\">call.completed</option>");
  }

  @Test
  void everyPageHasTheSameNavigationWithItsOwnLinkMarkedCurrent(KaiCallsMockServer mock)
      throws Exception {
    String[] paths = {
      "/docs/api",
      "/docs/api/quickstart",
      "/dashboard/settings/api-keys",
      "/dashboard/developers/webhooks",
      "/dashboard/developers/events",
      "/dashboard/developers/logs"
    };
    for (String path : paths) {
      String body = get(mock, path).body();
      for (String link : paths) {
        String anchor =
            "<a href=\"" + link + "\"" + (link.equals(path) ? " aria-current=\"page\"" : "") + ">";
        assertThat(body).as(path + " links " + link).contains(anchor);
      }
    }
  }

  @Test
  void theDeveloperPagesScriptsAreServed(KaiCallsMockServer mock) throws Exception {
    for (String asset : new String[] {"webhooks.js", "events.js", "logs.js"}) {
      HttpResponse<String> script = get(mock, "/assets/kaicalls/" + asset);
      assertThat(script.statusCode()).as(asset).isEqualTo(200);
      assertThat(script.headers().firstValue("Content-Type"))
          .hasValue("text/javascript; charset=utf-8");
    }
  }

  @Test
  void theDocsSpecNamesThisEmulatorAsFirstServer(KaiCallsMockServer mock) throws Exception {
    HttpResponse<String> spec = get(mock, "/docs/api/openapi.json");
    assertThat(spec.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(spec.body())
        .contains(
            "\"servers\":[{\"url\":\""
                + mock.baseUrl()
                + "\",\"description\":\"This emulator\"},"
                + "{\"url\":\"https://api.kaicalls.com\"")
        .doesNotContain("http://127.0.0.1:8089\",\"description\"");
  }

  @Test
  void theDocsSpecDocumentsTheWorkspaceHeaderWithoutAnExampleTryItOutWouldSend(
      KaiCallsMockServer mock) throws Exception {
    JsonNode header =
        new ObjectMapper()
            .readTree(get(mock, "/docs/api/openapi.json").body())
            .at("/components/parameters/WorkspaceHeader");

    assertThat(header.path("name").asText()).isEqualTo("KaiCalls-Workspace");
    assertThat(header.path("description").asText()).isNotBlank();
    assertThat(header.has("example")).isFalse();
  }

  @Test
  void swaggerUiComesFromTheWebjarAndNothingElseIsServed(KaiCallsMockServer mock) throws Exception {
    HttpResponse<String> bundle = get(mock, "/docs/api/swagger-ui/swagger-ui-bundle.js");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(bundle.body()).contains("SwaggerUIBundle");
    assertThat(get(mock, "/docs/api/swagger-ui/swagger-ui.css").statusCode()).isEqualTo(200);
    assertThat(get(mock, "/assets/kaicalls/api-keys.js").statusCode()).isEqualTo(200);
    assertThat(get(mock, "/docs/api/swagger-ui/index.html").statusCode()).isEqualTo(404);
    assertThat(get(mock, "/assets/kaicalls/api-keys.html").statusCode()).isEqualTo(404);
    assertThat(get(mock, "/assets/kaicalls/..%2Fapi-keys.html").statusCode()).isEqualTo(404);
  }

  @Test
  void otherRequestsStillReachTheApi(KaiCallsMockServer mock) throws Exception {
    assertThat(get(mock, "/openapi.yaml").statusCode()).isEqualTo(200);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/docs/api"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(post.body()).contains("route_not_found");
  }

  @Test
  void aHostileHostHeaderIsNotEchoed(KaiCallsMockServer mock) throws Exception {
    String raw;
    try (Socket socket =
        new Socket(java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), mock.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /docs/api/quickstart HTTP/1.1\r\nHost: x\"><script>alert(1)</script>\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(raw).doesNotContain("<script>alert(1)</script>");
  }

  private HttpResponse<String> get(KaiCallsMockServer mock, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
