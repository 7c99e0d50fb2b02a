package com.kaicalls.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One verifier and one signer are shared by many threads. */
class ConcurrencyTest {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 500;

  @Test
  void oneVerifierSharedByEightThreadsVerifiesEveryWebhookSignedByOneSharedSigner()
      throws Exception {
    WebhookVerifier verifier = Fixtures.verifier(Fixtures.OLD_SECRET, Fixtures.NEW_SECRET);
    WebhookSigner signer = WebhookSigner.of(Fixtures.NEW_SECRET);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Integer>> results = new ArrayList<>();

    try {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<Integer> task =
            () -> {
              int verified = 0;
              for (int i = 0; i < PER_THREAD; i++) {
                String id = "msg_" + thread + "_" + i;
                byte[] body =
                    ("{\"n\":" + i + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                Map<String, String> headers = signer.headers(id, Fixtures.NOW, body);
                if (verifier.verify(body, headers::get).id().equals(id)) {
                  verified++;
                }
              }
              return verified;
            };
        results.add(pool.submit(task));
      }
      int verified = 0;
      for (Future<Integer> result : results) {
        verified += result.get();
      }

      assertThat(verified).isEqualTo(THREADS * PER_THREAD);
    } finally {
      pool.shutdownNow();
    }
  }
}
