package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --data-dir}: a real child JVM is killed with SIGKILL in the middle of deliveries and
 * restarted.
 */
class PersistenceTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  @TempDir Path dataDir;

  private final List<Process> children = new ArrayList<>();
  private final WebhookReceiver receiver = new WebhookReceiver();

  @AfterEach
  void stop() {
    children.forEach(Process::destroyForcibly);
    receiver.close();
  }

  /**
   * Starts {@code Main} in a child JVM on this data directory, with {@code extra} options; returns
   * its base URL.
   */
  private String startChild(String... extra) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                "com.kaicalls.mock.Main",
                "--data-dir",
                dataDir.toString(),
                "--port",
                "0",
                "--clock",
                "manual",
                "--start-time",
                "2026-12-01T15:00:00Z"));
    command.addAll(List.of(extra));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    children.add(process);
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    url.complete(m.group(1));
                  }
                }
              } catch (java.io.IOException e) {
                url.completeExceptionally(e);
              }
              url.completeExceptionally(
                  new IllegalStateException("the child exited without listening"));
            });
    reader.setDaemon(true);
    reader.start();
    return url.get(60, TimeUnit.SECONDS);
  }

  private static HttpResponse<String> advance(String baseUrl, int seconds) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/kaicalls/clock/advance"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\":" + seconds + "}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Set<String> eventIds(ApiClient api) {
    Set<String> ids = new HashSet<>();
    String cursor = null;
    do {
      JsonNode page =
          api.get("/v1/events?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.path("data").forEach(e -> ids.add(e.path("id").asText()));
      cursor = page.path("has_more").asBoolean() ? page.path("next_cursor").asText() : null;
    } while (cursor != null);
    return ids;
  }

  private static void awaitReceived(WebhookReceiver receiver, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (receiver.received().size() < count) {
      assertThat(System.nanoTime()).as("webhooks received in time").isLessThan(deadline);
      Thread.onSpinWait();
      TimeUnit.MILLISECONDS.sleep(5); // polling a bounded condition, not waiting for time to pass
    }
  }

  @Test
  void sigtermWritesTheSnapshotAskedForWithSnapshotOnExit() throws Exception {
    Path exit = dataDir.resolve("exit.json");
    String url = startChild("--snapshot-on-exit", exit.toString());
    new ApiClient(url, MockServerOptions.DEFAULT_API_KEY)
        .post(
            "/v1/webhook-subscriptions",
            Map.of("url", "https://hooks.example.com/on-exit", "event_types", List.of("*")));

    Process child = children.get(0);
    child.destroy(); // SIGTERM: the shutdown hook closes the server
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    JsonNode snapshot = ApiClient.JSON.readTree(exit.toFile());
    assertThat(snapshot.path("version").asText()).isEqualTo("kaicalls-snapshot/1");
    assertThat(
            snapshot
                .path("workspaces")
                .get(0)
                .path("documents")
                .path("webhook_subscription")
                .findValuesAsText("url"))
        .contains("https://hooks.example.com/on-exit");
  }

  @Test
  void afterAKillMidDeliveryARestartLosesNoEventAndResumesThePendingDeliveries() throws Exception {
    String first = startChild();
    ApiClient api = new ApiClient(first, MockServerOptions.DEFAULT_API_KEY);
    Set<String> seedEvents = eventIds(api);
    JsonNode sub =
        api.post(
                "/v1/webhook-subscriptions",
                Map.of("url", receiver.url(), "event_types", List.of("*")))
            .json();
    JsonNode run =
        api.post(
                "/v1/communication-runs",
                Runs.body(
                    Runs.agent(api),
                    "+13125550100",
                    "+13125550101",
                    "+13125550110",
                    "+13125550177"),
                Runs.key("persist-1"))
            .json();
    receiver.otherwise(503, Duration.ZERO);
    assertThat(advance(first, 180).statusCode())
        .isEqualTo(200); // calls end; every delivery fails once
    Set<String> eventsBefore = eventIds(api);
    int failedAttempts = receiver.received().size();
    receiver.otherwise(200, Duration.ofMillis(200));
    CompletableFuture<Void> unused =
        CompletableFuture.runAsync(
            () -> {
              try {
                advance(first, 600); // the retries due at +5 min go out, slowly
              } catch (Exception killed) {
                // expected: the server dies mid-request
              }
            });
    awaitReceived(receiver, failedAttempts + 2);
    children.get(0).destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    String second = startChild();
    ApiClient restarted = new ApiClient(second, MockServerOptions.DEFAULT_API_KEY);
    Set<String> eventsAfter = eventIds(restarted);
    assertThat(advance(second, 3600).statusCode()).isEqualTo(200);
    ApiClient.Reply retried =
        restarted.post(
            "/v1/communication-runs",
            Runs.body(
                Runs.agent(restarted),
                "+13125550100",
                "+13125550101",
                "+13125550110",
                "+13125550177"),
            Runs.key("persist-1"));

    assertThat(eventsAfter).containsAll(eventsBefore);
    JsonNode deliveries =
        restarted
            .get("/v1/event-deliveries?limit=100&subscription_id=" + sub.path("id").asText())
            .json();
    assertThat(deliveries.path("data")).isNotEmpty();
    assertThat(deliveries.path("data"))
        .extracting(d -> d.path("status").asText())
        .containsOnly("succeeded");
    Set<String> newEvents = new HashSet<>(eventsBefore);
    newEvents.removeAll(seedEvents);
    Set<String> received = new HashSet<>();
    receiver.received().forEach(r -> received.add(r.header("webhook-id")));
    assertThat(deliveries.path("data").findValuesAsText("event_id")).containsAll(newEvents);
    assertThat(received).containsAll(newEvents);
    assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retried.json().path("id")).isEqualTo(run.path("id"));
    assertThat(
            restarted
                .get("/v1/communication-runs/" + run.path("id").asText())
                .json()
                .path("status")
                .asText())
        .isEqualTo("completed");
  }
}
