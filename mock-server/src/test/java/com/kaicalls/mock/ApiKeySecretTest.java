package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Shown once, kept only as a hash": a minted secret is in no idempotency record and nowhere in the
 * data directory.
 */
class ApiKeySecretTest {

  @TempDir Path dataDir;

  private static final Map<String, Object> BODY =
      Map.of("name", "ci", "scopes", List.of("leads:read"));

  private KaiCallsMockServer start() {
    return KaiCallsMockServer.start(
        MockServerOptions.builder().port(0).seed(Seed.EMPTY).dataDir(dataDir).build());
  }

  /** Every file in the data directory, plus every base64 string in the journal, decoded. */
  private String everythingStored() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(dataDir)) {
      for (Path file : files.toList()) {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    for (String line : Files.readAllLines(dataDir.resolve("journal.jsonl"))) {
      ApiClient.JSON
          .readTree(line)
          .findParents("body")
          .forEach(
              node -> {
                try {
                  all.append(
                      new String(
                          Base64.getDecoder().decode(node.path("body").asText()),
                          StandardCharsets.UTF_8));
                } catch (IllegalArgumentException notBase64) {
                  // a request body, not an encoded response
                }
              });
    }
    return all.toString();
  }

  @Test
  void aMintedSecretIsNeverWrittenToTheDataDirectory() throws Exception {
    String secret;
    try (KaiCallsMockServer mock = start()) {
      secret =
          new ApiClient(mock.baseUrl(), mock.apiKey())
              .post("/v1/api-keys", BODY, Map.of("Idempotency-Key", "mint-1"))
              .json()
              .path("secret")
              .asText();
    }

    assertThat(secret).startsWith("kc_test_");
    assertThat(everythingStored())
        .doesNotContain(secret, secret.substring(12, secret.length() - 4));
  }

  @Test
  void aReplayedMintIsRefusedWith422NamingTheKeyEvenAfterARestartAndNeverRevealsTheSecret() {
    JsonNode created;
    ApiClient.Reply replay;
    try (KaiCallsMockServer mock = start()) {
      ApiClient api = new ApiClient(mock.baseUrl(), mock.apiKey());
      created = api.post("/v1/api-keys", BODY, Map.of("Idempotency-Key", "mint-2")).json();
      replay = api.post("/v1/api-keys", BODY, Map.of("Idempotency-Key", "mint-2"));
    }
    ApiClient.Reply afterRestart;
    int keys;
    try (KaiCallsMockServer mock = start()) {
      ApiClient api = new ApiClient(mock.baseUrl(), mock.apiKey());
      afterRestart = api.post("/v1/api-keys", BODY, Map.of("Idempotency-Key", "mint-2"));
      keys = api.get("/v1/api-keys?limit=100").json().path("data").size();
    }

    String keyId = created.path("id").asText();
    for (ApiClient.Reply reply : List.of(replay, afterRestart)) {
      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.errorCode()).isEqualTo("secret_not_replayable");
      assertThat(reply.errorParam()).isEqualTo("Idempotency-Key");
      assertThat(reply.json().path("error").path("message").asText()).contains(keyId);
      assertThat(new String(reply.bytes(), StandardCharsets.UTF_8))
          .doesNotContain(created.path("secret").asText());
    }
    assertThat(keys).isEqualTo(2); // the workspace's own key and the one minted once
  }
}
