package com.kaicalls.mock.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.ApiClient;
import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.MockServerOptions;
import com.kaicalls.mock.MutableClock;
import com.kaicalls.mock.Seed;
import com.kaicalls.mock.internal.Emulator;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook attempt has one deadline, body included, and reads at most the head of the response
 * body.
 */
class DeliveryDeadlineTest {

  private static final Duration DEADLINE = Duration.ofMillis(500);

  private Emulator emulator;
  private ApiClient api;
  private ServerSocket receiver;

  @BeforeEach
  void start() throws IOException {
    emulator =
        Emulator.start(
            MockServerOptions.builder()
                .port(0)
                .seed(Seed.EMPTY)
                .clock(new MutableClock(Instant.parse("2026-11-30T09:00:00Z")))
                .clockMode(ClockMode.MANUAL)
                .startTime(Instant.parse("2026-12-01T15:00:00Z"))
                .webhookTimeout(DEADLINE)
                .build());
    api = new ApiClient(emulator.baseUrl(), emulator.apiKey());
    receiver = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void stop() throws IOException {
    receiver.close();
    emulator.close();
  }

  /**
   * Accepts one request, answers 200 with a {@code length}-byte body written in {@code chunk}-byte
   * steps.
   */
  private CompletableFuture<Long> answerWithBody(long length, int chunk, Duration pause) {
    return CompletableFuture.supplyAsync(
        () -> {
          long written = 0;
          try (Socket socket = receiver.accept()) {
            readRequest(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(
                ("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = new byte[chunk];
            while (written < length) {
              out.write(bytes);
              out.flush();
              written += chunk;
              if (!pause.isZero()) {
                LockSupport.parkNanos(pause.toNanos()); // the receiver's slowness, not a test wait
              }
            }
          } catch (IOException dropped) {
            // the emulator hung up: what was written so far is the answer
          }
          return written;
        });
  }

  private static void readRequest(InputStream raw) throws IOException {
    InputStream in = new BufferedInputStream(raw);
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      head.append((char) in.read());
    }
    String lengthLine =
        head.toString()
            .lines()
            .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
            .findFirst()
            .orElse("content-length: 0");
    in.readNBytes(Integer.parseInt(lengthLine.substring(15).trim()));
  }

  private JsonNode attemptOnce() {
    String sub =
        api.post(
                "/v1/webhook-subscriptions",
                Map.of(
                    "url",
                    "http://127.0.0.1:" + receiver.getLocalPort() + "/hooks",
                    "event_types",
                    List.of("*")))
            .json()
            .path("id")
            .asText();
    api.post("/v1/webhook-subscriptions/" + sub + "/test", null);
    emulator.advanceClockTo(emulator.clock().instant());
    return api.get("/v1/event-deliveries?subscription_id=" + sub)
        .json()
        .path("data")
        .get(0)
        .path("attempts")
        .get(0);
  }

  @Test
  void aReceiverTricklingItsBodyPastTheDeadlineIsATimeoutFailure() throws Exception {
    CompletableFuture<Long> trickle = answerWithBody(1000, 1, Duration.ofMillis(50));

    JsonNode attempt = attemptOnce();

    assertThat(attempt.path("error").asText()).isEqualTo("timeout");
    assertThat(attempt.path("response_status").isNull()).isTrue();
    assertThat(trickle.get(30, TimeUnit.SECONDS))
        .as("bytes trickled before the emulator hung up")
        .isLessThan(1000);
  }

  @Test
  void aHugeResponseBodyIsReadOnlyUpToTheStoredHead() throws Exception {
    long fiftyMegabytes = 50L * 1024 * 1024;
    CompletableFuture<Long> huge = answerWithBody(fiftyMegabytes, 64 * 1024, Duration.ZERO);

    JsonNode attempt = attemptOnce();

    assertThat(attempt.path("response_status").asInt()).isEqualTo(200);
    assertThat(attempt.path("error").isNull()).isTrue();
    assertThat(attempt.path("response_body").asText()).hasSize(WebhookSender.BODY_LIMIT);
    assertThat(huge.get(30, TimeUnit.SECONDS))
        .as("bytes written before the emulator hung up")
        .isLessThan(fiftyMegabytes);
  }
}
