package com.kaicalls.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.internal.store.Json;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** How the request log masks secrets: the prefix and the last three characters stay. */
class RequestLogMaskingTest {

  @Test
  void anApiKeyKeepsItsPrefixAndLastThreeCharacters() {
    assertThat(
            RequestLog.mask("Bearer kc_test_demo_4f7Q2xLm9RtV8nB1pK6sW3hJ and kc_live_Zq81mPwe7Tx"))
        .isEqualTo("Bearer kc_test_…3hJ and kc_live_…7Tx");
  }

  @Test
  void aWebhookSecretKeepsItsPrefixAndLastThreeCharacters() {
    assertThat(RequestLog.mask("whsec_MfKQ9r8GKYqrTZ4r+/a3xQ==")).isEqualTo("whsec_…Q==");
  }

  @Test
  void aSecretFieldIsMaskedWhateverItHolds() throws IOException {
    String json =
        "{\"secret\":\"plainvalue123\",\"previous_secret\":\"whsec_abcdefXYZ\","
            + "\"nested\":[{\"token\":\"kc_test_abcdefghijk\"}]}";

    String masked =
        RequestLog.mask(Json.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .toString();

    assertThat(masked)
        .isEqualTo(
            "{\"secret\":\"…123\",\"previous_secret\":\"whsec_…XYZ\","
                + "\"nested\":[{\"token\":\"kc_test_…ijk\"}]}");
  }

  @Test
  void textWithoutSecretsIsUnchanged() {
    assertThat(RequestLog.mask("key_demo_full kc_ whsec")).isEqualTo("key_demo_full kc_ whsec");
  }
}
