package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.kaicalls.sdk.models.CommunicationRun;
import com.kaicalls.sdk.services.CommunicationRunsService;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaginationTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private KaiCallsClient client;

  @BeforeEach
  void setUp() {
    client = TestClients.against(server.baseUrl(), new RecordingSleeper()).build();
    stubPage(null, "c1", 0, 3);
    stubPage("c1", "c2", 3, 3);
    stubPage("c2", null, 6, 2);
  }

  @Test
  void the_auto_pager_walks_every_page_exactly_once() {
    List<String> ids =
        client.communicationRuns().list().autoPager().stream()
            .map(CommunicationRun::id)
            .collect(Collectors.toList());

    assertThat(ids).containsExactlyElementsOf(expectedIds(8));
    server.verify(3, getRequestedFor(urlPathEqualTo("/v1/communication-runs")));
  }

  @Test
  void the_auto_pager_is_lazy_and_fetches_a_page_only_when_iteration_reaches_it() {
    Iterator<CommunicationRun> it = client.communicationRuns().list().autoPager().iterator();

    it.next();
    it.next();
    it.next();
    server.verify(1, getRequestedFor(urlPathEqualTo("/v1/communication-runs")));

    it.next();
    server.verify(2, getRequestedFor(urlPathEqualTo("/v1/communication-runs")));
  }

  @Test
  void next_page_keeps_the_filters_and_adds_the_cursor() {
    Page<CommunicationRun> first =
        client
            .communicationRuns()
            .list(CommunicationRunsService.ListParams.builder().limit(3).build());

    Page<CommunicationRun> second = first.nextPage();

    assertThat(second.data())
        .extracting(CommunicationRun::id)
        .containsExactlyElementsOf(expectedIds(8).subList(3, 6));
    server.verify(
        getRequestedFor(urlPathEqualTo("/v1/communication-runs"))
            .withQueryParam("limit", equalTo("3"))
            .withQueryParam("cursor", equalTo("c1")));
    server.verify(
        getRequestedFor(urlPathEqualTo("/v1/communication-runs"))
            .withQueryParam("limit", equalTo("3"))
            .withQueryParam("cursor", absent()));
  }

  @Test
  void the_last_page_has_no_next_page() {
    Page<CommunicationRun> last = client.communicationRuns().list().nextPage().nextPage();

    assertThat(last.hasMore()).isFalse();
    assertThat(last.nextCursor()).isEmpty();
    assertThatThrownBy(last::nextPage).isInstanceOf(NoSuchElementException.class);
  }

  private static List<String> expectedIds(int n) {
    return IntStream.range(0, n).mapToObj(i -> "run_" + i).collect(Collectors.toList());
  }

  @Test
  void the_async_auto_pager_visits_every_item_of_every_page_in_order() throws Exception {
    List<String> ids = new CopyOnWriteArrayList<>();

    client
        .async()
        .communicationRuns()
        .list()
        .thenCompose(page -> page.autoPagerAsync().forEach(run -> ids.add(run.id())))
        .get(5, TimeUnit.SECONDS);

    assertThat(ids).containsExactlyElementsOf(expectedIds(8));
    server.verify(3, getRequestedFor(urlPathEqualTo("/v1/communication-runs")));
  }

  @Test
  void next_page_async_keeps_the_filters_and_adds_the_cursor() throws Exception {
    CommunicationRunsService.ListParams params =
        CommunicationRunsService.ListParams.builder().limit(3).build();

    Page<CommunicationRun> second =
        client
            .async()
            .communicationRuns()
            .list(params)
            .thenCompose(Page::nextPageAsync)
            .get(5, TimeUnit.SECONDS);

    assertThat(second.data())
        .extracting(CommunicationRun::id)
        .containsExactlyElementsOf(expectedIds(6).subList(3, 6));
    server.verify(
        getRequestedFor(urlPathEqualTo("/v1/communication-runs"))
            .withQueryParam("cursor", equalTo("c1"))
            .withQueryParam("limit", equalTo("3")));
  }

  @Test
  void an_action_that_throws_ends_the_async_walk_with_its_exception_and_fetches_no_further_page() {
    CompletableFuture<Void> walk =
        client
            .async()
            .communicationRuns()
            .list()
            .thenCompose(
                page ->
                    page.autoPagerAsync()
                        .forEach(
                            run -> {
                              throw new IllegalStateException("stop at " + run.id());
                            }));

    assertThatThrownBy(() -> walk.get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(IllegalStateException.class);
    server.verify(1, getRequestedFor(urlPathEqualTo("/v1/communication-runs")));
  }

  @Test
  void cancelling_the_async_walk_cancels_the_next_pages_pending_retry() throws Exception {
    ManualScheduler scheduler = new ManualScheduler();
    KaiCallsClientAsync async =
        TestClients.against(server.baseUrl(), new RecordingSleeper())
            .retryScheduler(scheduler)
            .build()
            .async();
    server.stubFor(
        Fixtures.route("GET", "/v1/communication-runs")
            .withQueryParam("cursor", equalTo("c1"))
            .inScenario("flaky second page")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(Fixtures.error(503, "api_error", "unavailable"))
            .willSetStateTo("recovered"));
    Page<CommunicationRun> first = async.communicationRuns().list().get(5, TimeUnit.SECONDS);

    CompletableFuture<Void> walk = first.autoPagerAsync().forEach(run -> {});
    scheduler.awaitScheduled(1);
    walk.cancel(true);

    assertThat(scheduler.scheduled().get(0).isCancelled()).isTrue();
    server.verify(
        1,
        getRequestedFor(urlPathEqualTo("/v1/communication-runs"))
            .withQueryParam("cursor", equalTo("c1")));
  }

  private static void stubPage(String cursor, String next, int from, int count) {
    String data =
        IntStream.range(from, from + count)
            .mapToObj(i -> Fixtures.runJson("run_" + i))
            .collect(Collectors.joining(","));
    String body =
        "{\"object\":\"list\",\"data\":["
            + data
            + "],\"has_more\":"
            + (next != null)
            + ",\"next_cursor\":"
            + (next == null ? "null" : "\"" + next + "\"")
            + "}";
    server.stubFor(
        Fixtures.route("GET", "/v1/communication-runs")
            .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor))
            .willReturn(Fixtures.json(200, body)));
  }
}
