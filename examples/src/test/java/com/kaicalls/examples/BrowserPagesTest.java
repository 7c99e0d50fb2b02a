package com.kaicalls.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The emulator's documentation and key pages in a real browser (see {@link HeadlessChromium} for
 * when it is skipped); the developer pages are in {@link DeveloperPagesBrowserTest}.
 */
@KaiCallsMockTest
class BrowserPagesTest {

  private static final List<String> TAGS =
      List.of(
          "Me",
          "ApiKeys",
          "Leads",
          "Calls",
          "CommunicationRuns",
          "WebhookSubscriptions",
          "Events",
          "EventDeliveries",
          "Backfills",
          "SmsMessages",
          "Conversations",
          "Jobs",
          "Attempts",
          "Recordings",
          "Agents",
          "Workspaces");

  @RegisterExtension
  static final HeadlessChromium chromium = new HeadlessChromium("BrowserPagesTest");

  private static WebDriver browser;

  @BeforeAll
  static void useTheBrowser() {
    browser = chromium.driver();
  }

  @Test
  void theApiReferenceShowsEveryTagWithTheEmulatorAsServerAndTheDemoKeyAuthorized(
      KaiCallsMockServer mock) {
    browser.get(mock.baseUrl() + "/docs/api");
    await()
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    await()
        .until(
            ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector(".opblock-tag"), TAGS.size() - 1));

    List<String> tags =
        browser.findElements(By.cssSelector(".opblock-tag")).stream()
            .map(e -> e.getDomAttribute("data-tag"))
            .toList();
    assertThat(tags).containsAll(TAGS);
    String servers = browser.findElement(By.cssSelector(".servers select")).getText();
    assertThat(servers).startsWith(mock.baseUrl());
    assertThat(
            browser.findElement(By.cssSelector(".auth-wrapper .authorize")).getAttribute("class"))
        .contains("locked");
  }

  @Test
  void theQuickstartsCommandsCarryThisEmulatorsUrlKeyAndAgent(KaiCallsMockServer mock) {
    browser.get(mock.baseUrl() + "/docs/api/quickstart");
    await()
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));

    List<String> commands =
        browser.findElements(By.cssSelector(".snippet code")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(commands).hasSizeGreaterThanOrEqualTo(6);
    assertThat(commands.stream().filter(c -> c.startsWith("curl")))
        .allSatisfy(
            c ->
                assertThat(c)
                    .contains(mock.baseUrl() + "/v1/")
                    .contains("Authorization: Bearer " + mock.apiKey())
                    .doesNotContain("…"));
    assertThat(browser.findElements(By.cssSelector(".snippet button.copy")))
        .hasSize(commands.size());
  }

  @Test
  void mintsAKeyThatWorksThenRevokesIt(KaiCallsMockServer mock) throws Exception {
    browser.get(mock.baseUrl() + "/dashboard/settings/api-keys");
    await()
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    assertThat(browser.findElement(By.id("workspace")).getText()).contains("ws_demo");

    browser.findElement(By.id("key-name")).sendKeys("Browser test key");
    browser.findElement(By.cssSelector("input[name=scope][value='runs:read']")).click();
    browser.findElement(By.cssSelector("input[name=scope][value='events:read']")).click();
    browser.findElement(By.id("mint")).click();
    await().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-secret")));
    String secret = browser.findElement(By.id("new-secret")).getText();
    assertThat(secret).startsWith("kc_test_");
    assertThat(browser.findElement(By.id("copy-secret")).isDisplayed()).isTrue();
    // Text and id are read inside the wait, since the table may re-render between two looks.
    String[] row =
        await()
            .until(
                d ->
                    d.findElements(By.cssSelector("#keys tbody tr")).stream()
                        .filter(r -> r.getText().contains("Browser test key"))
                        .findFirst()
                        .map(r -> new String[] {r.getText(), r.getDomAttribute("data-key-id")})
                        .orElse(null));
    assertThat(row[0]).contains("runs:read", "events:read", "active");

    assertThat(get(mock, "/v1/communication-runs", secret)).isEqualTo(200);
    assertThat(get(mock, "/v1/leads", secret)).isEqualTo(403);

    String keyId = row[1];
    By revoke = By.cssSelector("#keys tr[data-key-id='" + keyId + "'] button.revoke");
    browser.findElement(revoke).click();
    browser.findElement(revoke).click();
    await()
        .until(
            d ->
                d.findElement(By.cssSelector("#keys tr[data-key-id='" + keyId + "']"))
                    .getText()
                    .contains("revoked"));
    assertThat(get(mock, "/v1/communication-runs", secret)).isEqualTo(401);
  }

  @Test
  void theAgencyMintsAKeyIntoTheChosenClientThatSeesOnlyThatClient(KaiCallsMockServer mock)
      throws Exception {
    browser.get(mock.baseUrl() + "/dashboard/settings/api-keys");
    await()
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    Select workspaces = new Select(browser.findElement(By.id("workspace-select")));
    List<String> offered =
        workspaces.getOptions().stream().map(o -> o.getDomAttribute("data-workspace-id")).toList();
    assertThat(offered).containsExactlyInAnyOrder("ws_agency", "ws_demo", "ws_lakeside");
    assertThat(offered.get(0)).isEqualTo("ws_agency");

    choose(workspaces, "ws_lakeside");
    browser.findElement(By.id("key-name")).sendKeys("Lakeside reporting");
    browser.findElement(By.cssSelector("input[name=scope][value='runs:read']")).click();
    browser.findElement(By.cssSelector("input[name=scope][value='calls:read']")).click();
    browser.findElement(By.id("mint")).click();
    await().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-secret")));
    String secret = browser.findElement(By.id("new-secret")).getText();
    String keyId = await().until(d -> keyRow(d, "Lakeside reporting"));

    JsonNode key = call(mock, "/v1/api-keys/" + keyId, mock.agencyApiKey(), "ws_lakeside").json;
    assertThat(key.path("workspace_id").asText()).isEqualTo("ws_lakeside");
    assertThat(call(mock, "/v1/me", secret, null).json.path("workspace_id").asText())
        .isEqualTo("ws_lakeside");
    for (String beyond : List.of("ws_agency", "ws_demo")) {
      Reply reply = call(mock, "/v1/communication-runs", secret, beyond);
      assertThat(reply.status).as(beyond).isEqualTo(404);
      assertThat(reply.json.path("error").path("param").asText()).isEqualTo("KaiCalls-Workspace");
    }
    JsonNode ownCalls = call(mock, "/v1/calls?limit=100", secret, null).json.path("data");
    JsonNode clientsCalls =
        call(mock, "/v1/calls?limit=100", mock.agencyApiKey(), "ws_lakeside").json.path("data");
    JsonNode demoCalls = call(mock, "/v1/calls?limit=100", mock.apiKey(), null).json.path("data");
    assertThat(ownCalls).isNotEmpty().isEqualTo(clientsCalls);
    assertThat(ids(ownCalls)).doesNotContainAnyElementsOf(ids(demoCalls));

    choose(workspaces, "ws_agency");
    await().until(d -> keyRow(d, "Lakeside reporting") == null && keyRow(d, "") != null);
  }

  @Test
  void tryItOutSendsASameOriginPostThroughTheOriginPolicy(KaiCallsMockServer mock) {
    browser.get(mock.baseUrl() + "/docs/api#/CommunicationRuns/validateCommunicationRun");
    await()
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    String operation = "#operations-CommunicationRuns-validateCommunicationRun";
    await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(operation)));

    // Swagger UI may re-render the operation after load (the deep link opens it, then authorization
    // and the spec's resolution render it again): that can close it, reset "Try it out", or let a
    // click land on the operation's lock icon, which opens the authorization dialog over the page.
    // Each look therefore brings the operation one step on from wherever it is; Execute is clicked
    // once.
    await()
        .ignoring(ElementClickInterceptedException.class)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> executeWhenReady(d, d.findElement(By.cssSelector(operation))));

    String status =
        await()
            .until(
                d ->
                    d
                        .findElements(
                            By.cssSelector(
                                ".live-responses-table tr.response .response-col_status"))
                        .stream()
                        .map(WebElement::getText)
                        .filter(t -> !t.isBlank())
                        .findFirst()
                        .orElse(null));
    assertThat(status).startsWith("200");
  }

  private static boolean executeWhenReady(WebDriver page, WebElement operation) {
    List<WebElement> dialog = page.findElements(By.cssSelector(".modal-ux .close-modal"));
    if (!dialog.isEmpty()) {
      dialog.get(0).click();
      return false;
    }
    if (!operation.getDomAttribute("class").contains("is-open")) {
      // The summary's own toggle, never the whole row: the row also holds the lock icon.
      List<WebElement> toggle = operation.findElements(By.cssSelector(".opblock-summary-control"));
      (toggle.isEmpty()
              ? operation.findElement(By.cssSelector(".opblock-summary-path"))
              : toggle.get(0))
          .click();
      return false;
    }
    List<WebElement> execute = operation.findElements(By.cssSelector("button.execute"));
    if (execute.isEmpty()) {
      operation.findElements(By.cssSelector("button.try-out__btn")).stream()
          .filter(b -> !b.getText().contains("Cancel"))
          .findFirst()
          .ifPresent(WebElement::click);
      return false;
    }
    execute.get(0).click();
    return true;
  }

  private static WebDriverWait await() {
    // The key table re-renders after each change, so an element found a moment ago may be gone.
    return chromium.await();
  }

  private static void choose(Select workspaces, String workspaceId) {
    for (WebElement option : workspaces.getOptions()) {
      if (workspaceId.equals(option.getDomAttribute("data-workspace-id"))) {
        workspaces.selectByValue(option.getDomAttribute("value"));
      }
    }
    await().until(d -> d.findElement(By.id("workspace")).getText().contains(workspaceId));
  }

  /** The id of the first key row whose text contains {@code text}, or {@code null}. */
  private static String keyRow(WebDriver d, String text) {
    return d.findElements(By.cssSelector("#keys tbody tr")).stream()
        .filter(r -> r.getText().contains(text))
        .findFirst()
        .map(r -> r.getDomAttribute("data-key-id"))
        .orElse(null);
  }

  private static List<String> ids(JsonNode items) {
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private record Reply(int status, JsonNode json) {}

  /** A GET with {@code key}, acting in {@code workspace} when it is not {@code null}. */
  private static Reply call(KaiCallsMockServer mock, String path, String key, String workspace)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
            .header("Authorization", "Bearer " + key);
    if (workspace != null) {
      request.header("KaiCalls-Workspace", workspace);
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), new ObjectMapper().readTree(response.body()));
  }

  private static int get(KaiCallsMockServer mock, String path, String key) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                .header("Authorization", "Bearer " + key)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
