package com.kaicalls.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A client offers one service per resource, each built once. */
class ClientServicesTest {

  @Test
  void every_service_accessor_returns_the_same_service_each_time() {
    KaiCallsClient client = KaiCallsClient.builder().apiKey("kc_test_servicesKey").build();

    List<Object> first =
        List.of(
            client.me(),
            client.apiKeys(),
            client.leads(),
            client.calls(),
            client.communicationRuns(),
            client.webhookSubscriptions(),
            client.events(),
            client.eventDeliveries(),
            client.backfills(),
            client.smsMessages(),
            client.conversations(),
            client.jobs(),
            client.attempts(),
            client.recordings(),
            client.agents(),
            client.webhooks());
    List<Object> again =
        List.of(
            client.me(),
            client.apiKeys(),
            client.leads(),
            client.calls(),
            client.communicationRuns(),
            client.webhookSubscriptions(),
            client.events(),
            client.eventDeliveries(),
            client.backfills(),
            client.smsMessages(),
            client.conversations(),
            client.jobs(),
            client.attempts(),
            client.recordings(),
            client.agents(),
            client.webhooks());

    for (int i = 0; i < first.size(); i++) {
      assertThat(again.get(i)).isSameAs(first.get(i));
    }
  }

  @Test
  void the_thread_sleeper_really_sleeps_and_so_stops_when_interrupted() {
    Thread.currentThread().interrupt();

    Throwable failure =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> Sleeper.threadSleeper().sleep(java.time.Duration.ofSeconds(5)));

    assertThat(failure).isInstanceOf(InterruptedException.class);
    assertThat(Thread.interrupted()).isFalse();
  }
}
