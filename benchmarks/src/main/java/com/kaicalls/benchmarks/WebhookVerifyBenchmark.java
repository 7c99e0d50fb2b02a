package com.kaicalls.benchmarks;

import com.kaicalls.webhooks.VerifiedWebhook;
import com.kaicalls.webhooks.WebhookSecrets;
import com.kaicalls.webhooks.WebhookSigner;
import com.kaicalls.webhooks.WebhookVerifier;
import com.svix.Webhook;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of verifying one webhook: a bare HMAC-SHA256 over the signed content (the floor), {@link
 * WebhookVerifier}, and svix's {@code Webhook.verify}. Run:
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar WebhookVerify -f 1 -wi 3 -w 2s -i 5 -r 2s</pre>
 *
 * <p>svix checks the timestamp against the real clock, so the webhook is signed with the current
 * time at setup; a trial must stay within five minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WebhookVerifyBenchmark {

  private static final String ID = "msg_2bHPxQ8ZSbNnYHMC3xWIqkRK3Wx";

  /** Body size in bytes. */
  @Param({"1024", "65536"})
  public int bodySize;

  private byte[] body;
  private String bodyText;
  private byte[] signedContent;
  private Mac mac;
  private Map<String, List<String>> headers;
  private HttpHeaders httpHeaders;
  private WebhookVerifier verifier;
  private Webhook svix;

  /** Signs one random JSON-like ASCII body with a fresh secret, at the current second. */
  @Setup
  public void setUp() throws Exception {
    SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
    seeded.setSeed(42);
    String secret = WebhookSecrets.generate(seeded);
    bodyText = jsonLikeBody(bodySize, new Random(42));
    body = bodyText.getBytes(StandardCharsets.UTF_8);
    long timestamp = Instant.now().getEpochSecond();

    signedContent = (ID + "." + timestamp + "." + bodyText).getBytes(StandardCharsets.UTF_8);
    mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));

    Map<String, List<String>> signed = new LinkedHashMap<>();
    WebhookSigner.of(secret)
        .headers(ID, timestamp, body)
        .forEach((name, value) -> signed.put(name, List.of(value)));
    headers = signed;
    httpHeaders = HttpHeaders.of(signed, (name, value) -> true);
    verifier =
        WebhookVerifier.builder()
            .addSecret(secret)
            .clock(Clock.fixed(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC))
            .build();
    svix = new Webhook(secret);

    verifier.verify(body, headers);
    svix.verify(bodyText, httpHeaders);
  }

  /** The floor: an initialised {@code Mac} over the already concatenated signed content. */
  @Benchmark
  public byte[] bareMac() {
    return mac.doFinal(signedContent);
  }

  /** {@link WebhookVerifier#verify(byte[], Map)} over the raw body and a header map. */
  @Benchmark
  public VerifiedWebhook kaicallsVerifier() {
    return verifier.verify(body, headers);
  }

  /** svix's {@code Webhook.verify(String, HttpHeaders)}. */
  @Benchmark
  public Webhook svix() throws Exception {
    svix.verify(bodyText, httpHeaders);
    return svix;
  }

  private static String jsonLikeBody(int size, Random random) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 ";
    StringBuilder text = new StringBuilder(size).append("{\"data\":\"");
    while (text.length() < size - 2) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.append("\"}").toString();
  }
}
