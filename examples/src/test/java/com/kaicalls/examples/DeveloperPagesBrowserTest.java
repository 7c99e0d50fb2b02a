package com.kaicalls.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The developer pages (webhooks, events, logs) in a real browser, against an emulator on a manual
 * clock so every delivery attempt happens exactly when the test advances time. See {@link
 * HeadlessChromium} for when it is skipped. Each test leaves a screenshot in {@code
 * target/screenshots/}.
 */
@KaiCallsMockTest(clock = ClockMode.MANUAL)
class DeveloperPagesBrowserTest {

  private static final String WEBHOOKS = "/dashboard/developers/webhooks";
  private static final String EVENTS = "/dashboard/developers/events";
  private static final String LOGS = "/dashboard/developers/logs";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static final HeadlessChromium chromium = new HeadlessChromium("DeveloperPagesBrowserTest");

  private static WebDriver browser;

  @BeforeAll
  static void useTheBrowser() {
    browser = chromium.driver();
  }

  @Test
  void aFailingReceiversDeliveryShowsEveryFailedAttemptAndWhenTheNextIsDue(KaiCallsMockServer mock)
      throws Exception {
    try (LocalReceiver receiver =
        LocalReceiver.answering(
            500, "{\"error\":\"database down\"}", Map.of("X-Receiver-Trace", "trace-7f3a"))) {
      String sub = subscribe(mock, receiver.url());
      chromium.open(mock.baseUrl() + WEBHOOKS + "?subscription=" + sub);

      browser.findElement(By.id("send-test")).click();
      String deliveryId =
          chromium
              .await()
              .until(
                  d ->
                      d.findElements(By.cssSelector("#deliveries details")).stream()
                          .map(e -> e.getDomAttribute("data-delivery-id"))
                          .findFirst()
                          .orElse(null));
      mock.advanceClock(Duration.ZERO);
      mock.advanceClock(Duration.ofSeconds(5));
      By delivery = By.cssSelector("details[data-delivery-id='" + deliveryId + "']");
      chromium
          .await()
          .until(
              d ->
                  "2"
                      .equals(
                          d.findElement(delivery)
                              .findElement(By.className("attempt-count"))
                              .getText()));
      browser.findElement(delivery).findElement(By.tagName("summary")).click();

      List<String> attempts =
          browser
              .findElement(delivery)
              .findElements(By.cssSelector("section.attempt.failed h4"))
              .stream()
              .map(WebElement::getText)
              .toList();
      assertThat(attempts).hasSize(2).allSatisfy(a -> assertThat(a).contains("HTTP 500"));
      assertThat(attempts.get(0)).startsWith("Attempt 1");
      String nextAttemptAt =
          api(mock, "GET", "/v1/event-deliveries/" + deliveryId, null, null)
              .path("next_attempt_at")
              .asText();
      assertThat(browser.findElement(delivery).findElement(By.className("next-attempt")).getText())
          .isEqualTo("Next attempt (3) due at " + pageTime(nextAttemptAt) + ".");
      assertThat(browser.findElement(delivery).getText())
          .contains(
              "database down", "webhook-signature", "webhook-id", "x-receiver-trace", "trace-7f3a");
      String eventId = receiver.received().get(0).webhookId();
      chromium
          .await()
          .until(
              d ->
                  d.findElement(delivery).findElements(By.cssSelector(".request-body pre")).size()
                      == 2);
      assertThat(
              browser
                  .findElement(delivery)
                  .findElement(By.cssSelector(".request-body pre"))
                  .getDomProperty("textContent"))
          .contains("\"id\": \"" + eventId + "\"");
      assertThat(receiver.received()).hasSize(2);
      scrollTo(By.id("deliveries-section"));
      screenshot("webhooks");
    }
  }

  @Test
  void theReplayButtonMakesANewDeliveryThatTheReceiverGets(KaiCallsMockServer mock)
      throws Exception {
    try (LocalReceiver receiver = LocalReceiver.answering(204, "")) {
      String sub = subscribe(mock, receiver.url());
      JsonNode first = api(mock, "POST", "/v1/webhook-subscriptions/" + sub + "/test", null, null);
      mock.advanceClock(Duration.ZERO);
      chromium.open(mock.baseUrl() + WEBHOOKS + "?subscription=" + sub);
      By original = By.cssSelector("details[data-delivery-id='" + first.path("id").asText() + "']");
      chromium
          .await()
          .until(d -> "succeeded".equals(d.findElement(original).getDomAttribute("data-status")));

      browser.findElement(original).findElement(By.tagName("summary")).click();
      browser.findElement(original).findElement(By.className("replay-delivery")).click();
      String replayId =
          chromium
              .await()
              .until(
                  d ->
                      d.findElements(By.cssSelector("#deliveries details")).stream()
                          .filter(
                              e ->
                                  e.findElement(By.tagName("summary")).getText().contains("replay"))
                          .map(e -> e.getDomAttribute("data-delivery-id"))
                          .findFirst()
                          .orElse(null));
      mock.advanceClock(Duration.ZERO);

      By replay = By.cssSelector("details[data-delivery-id='" + replayId + "']");
      chromium
          .await()
          .until(d -> "succeeded".equals(d.findElement(replay).getDomAttribute("data-status")));
      String eventId = first.path("event_id").asText();
      assertThat(receiver.received())
          .extracting(LocalReceiver.Received::webhookId)
          .containsExactly(eventId, eventId);
      assertThat(replayId).isNotEqualTo(first.path("id").asText());
    }
  }

  @Test
  void disableAndEnableChangeTheSubscriptionAndTheStatusSaysWhy(KaiCallsMockServer mock)
      throws Exception {
    String sub = subscribe(mock, "https://hooks.example.com/kaicalls");
    chromium.open(mock.baseUrl() + WEBHOOKS + "?subscription=" + sub);

    browser.findElement(By.id("toggle-enabled")).click();
    chromium.await().until(ExpectedConditions.textToBe(By.id("toggle-enabled"), "Enable"));
    JsonNode disabled = api(mock, "GET", "/v1/webhook-subscriptions/" + sub, null, null);
    assertThat(browser.findElement(By.id("subscription-status")).getText())
        .isEqualTo("disabled: disabled by you (PATCH enabled: false)");
    browser.findElement(By.id("toggle-enabled")).click();
    chromium.await().until(ExpectedConditions.textToBe(By.id("toggle-enabled"), "Disable"));
    JsonNode enabled = api(mock, "GET", "/v1/webhook-subscriptions/" + sub, null, null);

    assertThat(disabled.path("enabled").asBoolean()).isFalse();
    assertThat(disabled.path("disabled_reason").asText()).isEqualTo("manual");
    assertThat(enabled.path("enabled").asBoolean()).isTrue();
    assertThat(browser.findElement(By.id("subscription-status")).getText()).isEqualTo("enabled");
  }

  @Test
  void newEventsAppearWithoutReloadingAndTheRunFilterKeepsOnlyThatRunsEvents(
      KaiCallsMockServer mock) throws Exception {
    chromium.open(mock.baseUrl() + EVENTS);
    String runId = createRun(mock, "evt-page-" + UUID.randomUUID()).path("id").asText();

    By created =
        By.xpath(
            "//div[@id='events']/details[.//strong[text()='communication_run.created']]"
                + "[.//span[contains(., '"
                + runId
                + "')]]");
    chromium.await().until(ExpectedConditions.presenceOfElementLocated(created));
    browser.findElement(By.id("filter-run")).sendKeys(runId);
    browser.findElement(By.id("apply")).click();
    chromium.await().until(d -> d.findElements(By.cssSelector("#events details")).size() == 1);

    WebElement event = browser.findElement(By.cssSelector("#events details"));
    event.findElement(By.tagName("summary")).click();
    assertThat(event.findElement(By.cssSelector("pre.json")).getText())
        .contains("\"id\": \"" + runId + "\"");
    String eventId = event.getDomAttribute("data-event-id");
    String deliveryId =
        api(mock, "GET", "/v1/event-deliveries?event_id=" + eventId, null, null)
            .path("data")
            .get(0)
            .path("id")
            .asText();
    chromium
        .await()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(
                    "#events .event-deliveries tr[data-delivery-id='" + deliveryId + "']")));
    screenshot("events");
  }

  @Test
  void theEventsTypeFilterShowsOnlyThatType(KaiCallsMockServer mock) throws Exception {
    chromium.open(mock.baseUrl() + EVENTS);
    new Select(browser.findElement(By.id("filter-type"))).selectByValue("lead.created");
    browser.findElement(By.id("apply")).click();

    chromium
        .await()
        .until(
            d ->
                d.findElements(By.cssSelector("#events details")).stream()
                        .allMatch(
                            e ->
                                "lead.created"
                                    .equals(e.findElement(By.tagName("strong")).getText()))
                    && !d.findElements(By.cssSelector("#events details")).isEmpty());
  }

  @Test
  void theLogsPageShowsACreateWithItsIdempotencyKeyAndItsReplayMarkedReplayed(
      KaiCallsMockServer mock) throws Exception {
    String key = "logs-page-" + UUID.randomUUID();
    createRun(mock, key);
    createRun(mock, key);

    chromium.open(mock.baseUrl() + LOGS);
    By rows =
        By.xpath(
            "//div[@id='requests']/details[.//code[@class='idempotency-key' and text()='"
                + key
                + "']]");
    List<WebElement> logged =
        chromium
            .await()
            .until(
                d -> {
                  List<WebElement> found = d.findElements(rows);
                  return found.size() == 2 ? found : null;
                });
    assertThat(logged)
        .allSatisfy(
            row ->
                assertThat(row.findElement(By.tagName("summary")).getText())
                    .contains("POST", "/v1/communication-runs", "201"));
    assertThat(logged.get(0).findElements(By.cssSelector(".badge.replayed"))).hasSize(1);
    assertThat(logged.get(1).findElements(By.cssSelector(".badge.replayed"))).isEmpty();
    logged.get(1).findElement(By.tagName("summary")).click();
    assertThat(logged.get(1).findElement(By.className("inside")).getText())
        .contains("\"recipients\"", "\"status\"");
    screenshot("logs");
  }

  @Test
  void noSecretIsInAnyPagesDomExceptTheOneTimeRevealAfterRotation(KaiCallsMockServer mock)
      throws Exception {
    JsonNode sub =
        api(
            mock,
            "POST",
            "/v1/webhook-subscriptions",
            Map.of("url", "https://hooks.example.com/kaicalls", "event_types", List.of("*")),
            null);
    JsonNode key =
        api(
            mock,
            "POST",
            "/v1/api-keys",
            Map.of("name", "DOM check", "scopes", List.of("runs:read")),
            null);
    List<String> secrets =
        List.of(
            mock.apiKey(),
            mock.otherWorkspaceApiKey(),
            sub.path("secret").asText(),
            key.path("secret").asText());
    String webhooks = mock.baseUrl() + WEBHOOKS + "?subscription=" + sub.path("id").asText();
    for (String page :
        List.of(
            webhooks,
            mock.baseUrl() + EVENTS,
            mock.baseUrl() + LOGS,
            mock.baseUrl() + "/dashboard/settings/api-keys",
            mock.baseUrl() + "/docs/api")) {
      chromium.open(page);
      assertThat(secrets)
          .as(page)
          .allSatisfy(secret -> assertThat(browser.getPageSource()).doesNotContain(secret));
    }

    chromium.open(webhooks);
    browser.findElement(By.id("rotate-secret")).click();
    browser.findElement(By.id("rotate-secret")).click();
    String revealed =
        chromium
            .await()
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("new-secret")))
            .getText();
    assertThat(revealed).startsWith("whsec_").isNotEqualTo(sub.path("secret").asText());
    assertThat(browser.findElement(By.id("subscription-secret")).getText())
        .startsWith("whsec_••••")
        .doesNotContain(revealed);
    browser.findElement(By.id("hide-secret")).click();
    assertThat(browser.getPageSource()).doesNotContain(revealed);
    chromium.open(webhooks);
    assertThat(browser.getPageSource()).doesNotContain(revealed);
  }

  /** The page's rendering of an RFC 3339 UTC time: {@code 2026-11-01 10:00:05 UTC}. */
  private static String pageTime(String rfc3339) {
    return rfc3339.replace('T', ' ').replaceAll("(\\.\\d+)?Z$", " UTC");
  }

  private static String subscribe(KaiCallsMockServer mock, String url) throws Exception {
    return api(
            mock,
            "POST",
            "/v1/webhook-subscriptions",
            Map.of("url", url, "event_types", List.of("*")),
            null)
        .path("id")
        .asText();
  }

  private static JsonNode createRun(KaiCallsMockServer mock, String idempotencyKey)
      throws Exception {
    String agent =
        api(mock, "GET", "/v1/agents", null, null).path("data").get(0).path("id").asText();
    Map<String, Object> run =
        Map.of(
            "name",
            "Reminders",
            "agent_id",
            agent,
            "channel",
            "voice",
            "recipients",
            List.of(Map.of("phone", "+13125550177", "first_name", "Sam")));
    return api(mock, "POST", "/v1/communication-runs", run, idempotencyKey);
  }

  private static JsonNode api(
      KaiCallsMockServer mock, String method, String path, Object body, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
            .header("Authorization", "Bearer " + mock.apiKey());
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<byte[]> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(method + " " + path).isBetween(200, 299);
    return JSON.readTree(response.body());
  }

  private static void scrollTo(By element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView()", browser.findElement(element));
  }

  private static void screenshot(String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(
        dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
