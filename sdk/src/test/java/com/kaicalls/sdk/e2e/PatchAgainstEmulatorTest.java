package com.kaicalls.sdk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.models.CreateWebhookSubscriptionRequest;
import com.kaicalls.sdk.models.EventType;
import com.kaicalls.sdk.models.UpdateWebhookSubscriptionRequest;
import com.kaicalls.sdk.models.WebhookSubscription;
import com.kaicalls.sdk.models.WebhookSubscriptionWithSecret;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Absent, set and cleared PATCH fields, against the emulator's schema validation and state. */
class PatchAgainstEmulatorTest {
  @RegisterExtension
  static KaiCallsMockExtension mock =
      KaiCallsMockExtension.builder().clockMode(ClockMode.MANUAL).build();

  @Test
  void leaving_a_field_out_keeps_it_and_clearing_it_removes_it(KaiCallsMockServer server) {
    KaiCallsClient client =
        KaiCallsClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).build();
    WebhookSubscriptionWithSecret created =
        client
            .webhookSubscriptions()
            .create(
                CreateWebhookSubscriptionRequest.builder()
                    .url(URI.create("http://127.0.0.1:9/hooks"))
                    .eventTypes(EventType.CALL_COMPLETED, EventType.SMS_RECEIVED)
                    .description("CRM bridge")
                    .build());

    WebhookSubscription untouched =
        client
            .webhookSubscriptions()
            .update(created.id(), UpdateWebhookSubscriptionRequest.builder().enabled(true).build());
    WebhookSubscription cleared =
        client
            .webhookSubscriptions()
            .update(
                created.id(),
                UpdateWebhookSubscriptionRequest.builder().clearDescription().build());

    assertThat(created.eventTypes()).containsExactly("call.completed", "sms.received");
    assertThat(untouched.description()).contains("CRM bridge");
    assertThat(cleared.description()).isEmpty();
  }
}
