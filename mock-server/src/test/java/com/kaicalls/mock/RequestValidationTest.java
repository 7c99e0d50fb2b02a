package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestValidationTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK = KaiCallsMockExtension.builder().build();

  private static ApiClient demo() {
    return new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
  }

  private static ApiClient.Reply createRun(Object body) {
    return demo().post("/v1/communication-runs", body, Runs.key("v-" + System.nanoTime()));
  }

  @Test
  void aBadE164NumberIs400NamingTheRecipientsPhone() {
    ApiClient.Reply reply =
        createRun(
            Runs.body(
                Runs.agent(demo()), "+14155550120", "+14155550121", "+14155550122", "555-0100"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("recipients[3].phone");
    assertThat(reply.json().path("error").path("type").asText()).isEqualTo("invalid_request");
  }

  @Test
  void aMissingRequiredFieldIs400NamingIt() {
    Map<String, Object> body = Runs.body(Runs.agent(demo()), "+14155550120");
    body.remove("name");

    ApiClient.Reply reply = createRun(body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("name");
  }

  @Test
  void aWrongTypeIs400() {
    Map<String, Object> body = Runs.body(Runs.agent(demo()), "+14155550120");
    body.put("max_attempts", "three");

    assertThat(createRun(body).errorParam()).isEqualTo("max_attempts");
  }

  @Test
  void anUnknownEnumValueIs400() {
    Map<String, Object> body = Runs.body(Runs.agent(demo()), "+14155550120");
    body.put("channel", "fax");

    assertThat(createRun(body).errorParam()).isEqualTo("channel");
  }

  @Test
  void anOutOfRangeLimitIs400NamingTheQueryParameter() {
    ApiClient.Reply reply = demo().get("/v1/leads?limit=101");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("limit");
  }

  @Test
  void anUnknownFilterValueIs400() {
    assertThat(demo().get("/v1/leads?status=sleeping").errorParam()).isEqualTo("status");
  }

  @Test
  void malformedJsonIs400NotA500() {
    ApiClient.Reply reply = demo().post("/v1/webhook-subscriptions", "{\"url\": ");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("invalid_json");
  }

  @Test
  void bodiesOverOneMegabyteAre413() {
    ApiClient.Reply reply =
        demo()
            .post(
                "/v1/webhook-subscriptions", "{\"description\":\"" + "x".repeat(1_100_000) + "\"}");

    assertThat(reply.status()).isEqualTo(413);
  }

  @Test
  void unknownRoutesAre404AndWrongMethodsAre405() {
    ApiClient.Reply unknown = demo().get("/v1/unicorns");
    ApiClient.Reply wrongMethod = demo().send("DELETE", "/v1/leads", null, Map.of());

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("route_not_found");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.header("Allow")).isEqualTo("GET, HEAD");
  }

  @Test
  void webhookSubscriptionBodiesAreValidatedToo() {
    ApiClient.Reply reply =
        demo()
            .post(
                "/v1/webhook-subscriptions",
                Map.of("url", "not a url", "event_types", List.of("*")));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("url");
  }

  @Test
  void apiKeyBodiesAreValidatedToo() {
    assertThat(
            demo()
                .post("/v1/api-keys", Map.of("name", "x", "scopes", List.of("root")))
                .errorParam())
        .isEqualTo("scopes[0]");
  }

  @Test
  void backfillBodiesAreValidatedToo() {
    assertThat(
            demo().post("/v1/events/backfill", Map.of("subscription_id", "whsub_x")).errorParam())
        .isEqualTo("created_after");
  }
}
