package example;

import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.webhooks.WebhookSigner;

/** Compiles only if the BOM brought the SDK and the verifier onto the classpath. */
public final class BomImport {
  private BomImport() {}

  public static void main(String[] args) {
    KaiCallsClient client = KaiCallsClient.builder().apiKey("kc_test_example").build();
    WebhookSigner signer = WebhookSigner.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    System.out.println(client + " " + signer);
  }
}
