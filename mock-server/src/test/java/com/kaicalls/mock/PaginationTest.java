package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaginationTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder().seed(Seed.EMPTY).build();

  @Test
  void walking2500RunsWithLimit100SeesEachRunOnceNewestFirstEvenWhileRunsAreAdded()
      throws Exception {
    try (Response r =
        new OkHttpClient()
            .newCall(
                new Request.Builder()
                    .url(MOCK.baseUrl() + "/__admin/kaicalls/communication-runs/generate")
                    .post(RequestBody.create("{\"count\":2500}", MediaType.get("application/json")))
                    .build())
            .execute()) {
      assertThat(r.code()).isEqualTo(201);
    }
    ApiClient demo = new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          demo.get("/v1/communication-runs?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
              .json();
      page.path("data").forEach(run -> seen.add(run.path("id").asText()));
      cursor = page.path("has_more").asBoolean() ? page.path("next_cursor").asText() : null;
      if (pages++ == 3) {
        String agent = demo.get("/v1/agents").json().path("data").get(0).path("id").asText();
        demo.post(
            "/v1/communication-runs",
            Map.of(
                "name",
                "late",
                "agent_id",
                agent,
                "channel",
                "voice",
                "recipients",
                List.of(Map.of("phone", "+14155550100"))),
            Runs.key("late"));
      }
    } while (cursor != null);

    Set<String> unique = new HashSet<>(seen);
    assertThat(seen).hasSize(2500);
    assertThat(unique).hasSize(2500);
    assertThat(pages).isEqualTo(25);
    List<String> sorted = new ArrayList<>(seen);
    sorted.sort((a, b) -> b.compareTo(a));
    assertThat(seen).isEqualTo(sorted);
  }

  @Test
  void aForgedCursorIs400() {
    ApiClient.Reply reply =
        new ApiClient(MOCK.baseUrl(), MOCK.apiKey()).get("/v1/communication-runs?cursor=Zm9vYmFy");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("cursor");
  }
}
