package com.kaicalls.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockTest;
import org.junit.jupiter.api.Test;

@KaiCallsMockTest
class AgencyKeysTest {

  @Test
  void aReadOnlyKeyIsRefusedARunWith403NamingRunsWrite(KaiCallsMockServer mock) {
    Output out = new Output();
    AgencyKeys.Result result;
    try (Connection connection = Connection.to(mock)) {
      result = new AgencyKeys(connection.client(), out.stream).run();
    }

    assertThat(result.refused()).isNotNull();
    assertThat(result.refused().statusCode()).isEqualTo(403);
    assertThat(result.refused().code()).isEqualTo("missing_scope");
    assertThat(result.refused().getMessage()).contains("runs:write");
    assertThat(result.afterRevoke()).isNotNull();
    assertThat(result.afterRevoke().code()).isEqualTo("api_key_revoked");
    assertThat(out.text())
        .contains("scopes [runs:read, events:read]")
        .contains("Refused: HTTP 403 permission_error / missing_scope")
        .contains("Its next request: HTTP 401 api_key_revoked.");
  }
}
