package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IsolationTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK = KaiCallsMockExtension.builder().build();

  static Stream<SpecOperations.Op> idOperations() {
    return SpecOperations.all().stream().filter(SpecOperations.Op::takesId);
  }

  static Stream<SpecOperations.Op> listOperations() {
    return SpecOperations.all().stream()
        .filter(
            op ->
                op.method().equals("GET") && op.operationId().startsWith("list") && !op.takesId());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("idOperations")
  void anotherWorkspacesKeyGets404ForThisWorkspacesObjects(SpecOperations.Op op) {
    ApiClient demo = new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
    String path = SpecOperations.concretePath(op, demo);
    Object body =
        op.operationId().equals("updateWebhookSubscription")
            ? Map.of("description", "x")
            : op.method().equals("GET") || op.method().equals("DELETE") ? null : "{}";

    ApiClient.Reply reply =
        demo.withKey(MOCK.server().otherWorkspaceApiKey()).send(op.method(), path, body, Map.of());

    assertThat(reply.status()).as(op + " " + path).isEqualTo(404);
    assertThat(reply.json().path("error").path("type").asText()).isEqualTo("not_found");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listOperations")
  void listsNeverShowAnotherWorkspacesObjects(SpecOperations.Op op) {
    ApiClient demo = new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
    Set<String> demoIds = new HashSet<>();
    demo.get(op.path() + "?limit=100")
        .json()
        .path("data")
        .forEach(o -> demoIds.add(o.path("id").asText()));

    ApiClient.Reply other =
        demo.withKey(MOCK.server().otherWorkspaceApiKey()).get(op.path() + "?limit=100");

    assertThat(other.status()).isEqualTo(200);
    other
        .json()
        .path("data")
        .forEach(o -> assertThat(demoIds).doesNotContain(o.path("id").asText()));
  }
}
