package com.kaicalls.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous client offers the blocking client's services, each built once, and leads back to
 * it.
 */
class ClientAsyncServicesTest {
  private final KaiCallsClient client =
      KaiCallsClient.builder().apiKey("kc_test_servicesKey").build();

  @Test
  void every_async_service_accessor_returns_one_service_each_time() {
    KaiCallsClientAsync async = client.async();

    List<Object> first = services(async);
    List<Object> again = services(async);

    assertThat(first).doesNotContainNull().doesNotHaveDuplicates();
    for (int i = 0; i < first.size(); i++) {
      assertThat(again.get(i)).isSameAs(first.get(i));
    }
  }

  @Test
  void the_async_client_leads_back_to_its_blocking_client() {
    assertThat(client.async().sync()).isSameAs(client);
  }

  @Test
  void with_options_returns_an_async_client_of_a_changed_copy() {
    KaiCallsClientAsync changed = client.async().withOptions(b -> b.maxRetries(0));

    assertThat(changed).isNotNull();
    assertThat(changed.sync()).isNotSameAs(client).isNotNull();
    assertThat(changed.me()).isNotSameAs(client.async().me());
  }

  private static List<Object> services(KaiCallsClientAsync async) {
    return List.of(
        async.me(),
        async.apiKeys(),
        async.leads(),
        async.calls(),
        async.communicationRuns(),
        async.webhookSubscriptions(),
        async.events(),
        async.eventDeliveries(),
        async.backfills(),
        async.smsMessages(),
        async.conversations(),
        async.jobs(),
        async.attempts(),
        async.recordings(),
        async.agents());
  }
}
