package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuthAndScopesTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK = KaiCallsMockExtension.builder().build();

  private static ApiClient demo() {
    return new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
  }

  private static String mint(List<String> scopes) {
    return demo()
        .post("/v1/api-keys", Map.of("name", "test key", "scopes", scopes))
        .json()
        .path("secret")
        .asText();
  }

  static Stream<SpecOperations.Op> operations() {
    return SpecOperations.all().stream();
  }

  static Stream<SpecOperations.Op> scopedOperations() {
    return SpecOperations.all().stream().filter(op -> op.scope() != null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void aRequestWithoutAKeyIsRefusedWith401(SpecOperations.Op op) {
    ApiClient.Reply reply =
        new ApiClient(MOCK.baseUrl(), null)
            .send(
                op.method(),
                op.path().replace("{id}", "x").replace("{version}", "1"),
                op.method().equals("GET") ? null : "{}",
                Map.of());

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().path("error").path("type").asText()).isEqualTo("authentication_error");
    assertThat(reply.json().path("error").path("request_id").asText())
        .isEqualTo(reply.header("Request-Id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scopedOperations")
  void aKeyLackingTheOperationsScopeIsRefusedWith403NamingTheScope(SpecOperations.Op op) {
    List<String> allButOne =
        SpecOperations.scopes().stream()
            .filter(s -> !s.equals(op.scope()))
            .collect(Collectors.toList());
    ApiClient limited = demo().withKey(mint(allButOne));

    ApiClient.Reply reply =
        limited.send(
            op.method(),
            op.path().replace("{id}", "x").replace("{version}", "1"),
            op.method().equals("GET") ? null : "{}",
            Map.of("Idempotency-Key", "k-" + op.operationId()));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("missing_scope");
    assertThat(reply.json().path("error").path("message").asText()).contains(op.scope());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scopedOperations")
  void aKeyWithExactlyTheOperationsScopeGetsPastAuthorization(SpecOperations.Op op) {
    ApiClient exact = demo().withKey(mint(List.of(op.scope())));

    ApiClient.Reply reply =
        exact.send(
            op.method(),
            op.path().replace("{id}", "x").replace("{version}", "1"),
            op.method().equals("GET") ? null : "{}",
            Map.of("Idempotency-Key", "k-" + op.operationId()));

    assertThat(reply.status()).isNotIn(401, 403, 500);
  }

  @Test
  void anUnknownKeyIsRefusedWith401() {
    ApiClient.Reply reply = demo().withKey("kc_test_doesnotexist000000000000").get("/v1/me");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("invalid_api_key");
  }

  @Test
  void aMintedKeyWorksAtOnceAndTheSecretIsShownOnlyOnCreate() {
    ApiClient.Reply created =
        demo().post("/v1/api-keys", Map.of("name", "reader", "scopes", List.of("leads:read")));

    ApiClient reader = demo().withKey(created.json().path("secret").asText());
    assertThat(created.status()).isEqualTo(201);
    assertThat(reader.get("/v1/me").json().path("scopes")).hasSize(1);
    assertThat(reader.get("/v1/leads").status()).isEqualTo(200);
    assertThat(reader.get("/v1/calls").status()).isEqualTo(403);
    ApiClient.Reply fetched = demo().get("/v1/api-keys/" + created.json().path("id").asText());
    assertThat(fetched.json().has("secret")).isFalse();
    assertThat(fetched.json().path("last4").asText())
        .isEqualTo(created.json().path("secret").asText().substring(36));
  }

  @Test
  void aRevokedKeyIsRefusedWith401() {
    ApiClient.Reply created =
        demo().post("/v1/api-keys", Map.of("name", "temp", "scopes", List.of("leads:read")));
    demo().post("/v1/api-keys/" + created.json().path("id").asText() + "/revoke", null);

    ApiClient.Reply reply = demo().withKey(created.json().path("secret").asText()).get("/v1/me");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("api_key_revoked");
  }

  @Test
  void aKeyCannotGrantScopesItDoesNotHold() {
    ApiClient reader = demo().withKey(mint(List.of("api_keys:write")));

    ApiClient.Reply reply =
        reader.post("/v1/api-keys", Map.of("name", "escalate", "scopes", List.of("runs:write")));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorParam()).isEqualTo("scopes[0]");
  }

  @Test
  void aKeyCannotRevokeAKeyHoldingScopesItDoesNotHold() {
    ApiClient keyAdmin = demo().withKey(mint(List.of("api_keys:write")));

    ApiClient.Reply reply = keyAdmin.post("/v1/api-keys/key_demo_full/revoke", null);

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().path("error").path("type").asText()).isEqualTo("permission_error");
    assertThat(reply.errorCode()).isEqualTo("missing_scope");
    assertThat(reply.errorParam()).isEqualTo("id");
    assertThat(demo().get("/v1/me").status()).isEqualTo(200);
  }

  @Test
  void aKeyCanRevokeAKeyWhoseScopesItHolds() {
    ApiClient keyAdmin = demo().withKey(mint(List.of("api_keys:write", "leads:read")));
    String reader =
        demo()
            .post("/v1/api-keys", Map.of("name", "reader", "scopes", List.of("leads:read")))
            .json()
            .path("id")
            .asText();

    ApiClient.Reply reply = keyAdmin.post("/v1/api-keys/" + reader + "/revoke", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("status").asText()).isEqualTo("revoked");
  }
}
