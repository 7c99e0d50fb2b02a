package com.kaicalls.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@KaiCallsMockTest(clock = ClockMode.MANUAL)
class WebhookReceiverTest {

  @Test
  void verifiesDeduplicatesRefusesForgeriesAndAcceptsTheRotatedSecret(KaiCallsMockServer mock)
      throws Exception {
    Output out = new Output();
    List<WebhookEndpoint.Received> received;
    try (Connection connection = Connection.to(mock)) {
      received = new WebhookReceiver(connection.client(), connection.clock(), out.stream).run(0);
    }

    assertThat(received)
        .extracting(WebhookEndpoint.Received::type)
        .containsExactly(
            "webhook_subscription.test", "webhook_subscription.test", "webhook_subscription.test");
    assertThat(received.get(1).duplicate()).isTrue();
    assertThat(received.get(1).webhookId()).isEqualTo(received.get(0).webhookId());
    assertThat(received.get(2).duplicate()).isFalse();
    assertThat(received.get(2).signatures()).isEqualTo(2);
    assertThat(out.text())
        .contains("KaiCalls recorded the delivery as succeeded (your endpoint answered 204).")
        .contains("again, already handled: ignored")
        .contains("refused a delivery that does not verify (NO_MATCHING_SIGNATURE), answered 400")
        .contains("got HTTP 400 and was not handled")
        .contains("was accepted with the new secret")
        .contains("Done: 2 events handled, 1 duplicate(s) ignored");
  }
}
