package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SeededReadRoutesTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK = KaiCallsMockExtension.builder().build();

  static Stream<SpecOperations.Op> readOperations() {
    return SpecOperations.all().stream().filter(op -> op.method().equals("GET"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readOperations")
  void everyReadRouteAnswersSeededDataThatConformsToTheSpec(SpecOperations.Op op) {
    ApiClient demo = new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
    String path = SpecOperations.concretePath(op, demo);
    // Only an agency has client workspaces to list.
    ApiClient caller =
        op.path().startsWith("/v1/workspaces") ? demo.withKey(MOCK.server().agencyApiKey()) : demo;

    ApiClient.Reply reply = caller.get(path);

    assertThat(reply.status()).as(path).isEqualTo(200);
    assertThat(reply.header("Request-Id")).startsWith("req_");
    if (reply.json() != null && reply.json().has("data")) {
      assertThat(reply.json().path("data")).as("seeded data of " + path).isNotEmpty();
    }
  }

  @Test
  void recordingContentIsARealWavFile() {
    ApiClient demo = new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
    String id = demo.get("/v1/recordings").json().path("data").get(0).path("id").asText();

    ApiClient.Reply wav = demo.get("/v1/recordings/" + id + "/content");

    assertThat(wav.header("Content-Type")).isEqualTo("audio/wav");
    assertThat(new String(wav.bytes(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("RIFF");
    assertThat(new String(wav.bytes(), 8, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("WAVE");
    assertThat(wav.bytes().length).isEqualTo(44 + 8000 * 2);
    assertThat(demo.get("/v1/recordings/" + id).json().path("size_bytes").asInt())
        .isEqualTo(wav.bytes().length);
  }

  @Test
  void theSpecIsServedAtOpenapiYaml() {
    ApiClient.Reply spec = new ApiClient(MOCK.baseUrl(), null).get("/openapi.yaml");

    assertThat(spec.status()).isEqualTo(200);
    assertThat(new String(spec.bytes(), java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("openapi: 3.0.3");
  }
}
