package com.kaicalls.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The digest-based HMAC is byte for byte what {@code javax.crypto.Mac} computes. Seeded, so that a
 * failure reproduces.
 */
class HmacSha256Test {

  private static final int CASES = 2000;

  private final Random random = new Random(42);

  @Test
  void equalsTheJdkMacForRandomKeysPrefixesAndBodies() throws Exception {
    for (int i = 0; i < CASES; i++) {
      // 24 bytes (the minimum) to 200: below, at and above the 64-byte block, where the key is
      // hashed.
      byte[] key = bytes(24 + random.nextInt(177));
      byte[] prefix = bytes(random.nextInt(300));
      byte[] body = bytes(random.nextInt(i % 10 == 0 ? 70_000 : 2_100));

      byte[] actual = hmacOf(key).compute(0, prefix, body);

      assertThat(actual)
          .as("case %d, key of %d bytes", i, key.length)
          .isEqualTo(jdkMac(key, prefix, body));
    }
  }

  @Test
  void equalsTheJdkMacForKeysOfEveryLengthAroundTheBlockSize() throws Exception {
    byte[] prefix = "msg_1.1700000000.".getBytes(StandardCharsets.US_ASCII);
    byte[] body = bytes(1024);
    for (int length = 24; length <= 130; length++) {
      byte[] key = bytes(length);

      assertThat(hmacOf(key).compute(0, prefix, body))
          .as("key of %d bytes", length)
          .isEqualTo(jdkMac(key, prefix, body));
    }
  }

  @Test
  void eachKeyOfSeveralGivesItsOwnMacAndRepeatedComputationsAgree() throws Exception {
    byte[] first = bytes(32);
    byte[] second = bytes(100);
    HmacSha256 hmac = new HmacSha256(List.of(spec(first), spec(second)));
    byte[] prefix = bytes(40);
    byte[] body = bytes(5000);

    for (int round = 0; round < 3; round++) {
      assertThat(hmac.compute(0, prefix, body)).isEqualTo(jdkMac(first, prefix, body));
      assertThat(hmac.compute(1, prefix, body)).isEqualTo(jdkMac(second, prefix, body));
    }
  }

  private HmacSha256 hmacOf(byte[] key) {
    return new HmacSha256(List.of(spec(key)));
  }

  private static SecretKeySpec spec(byte[] key) {
    return new SecretKeySpec(Arrays.copyOf(key, key.length), "HmacSHA256");
  }

  private static byte[] jdkMac(byte[] key, byte[] prefix, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    mac.update(prefix);
    mac.update(body);
    return mac.doFinal();
  }

  private byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
