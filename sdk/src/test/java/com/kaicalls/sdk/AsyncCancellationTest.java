package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.kaicalls.sdk.models.Me;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cancelling an async call's future stops the work behind it: the HTTP call, and any retry not yet
 * sent.
 */
class AsyncCancellationTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final ManualScheduler scheduler = new ManualScheduler();

  @Test
  void cancelling_while_the_request_is_in_flight_cancels_the_okhttp_call_and_closes_the_connection()
      throws Exception {
    CountDownLatch okHttpCancelled = new CountDownLatch(1);
    OkHttpClient listening =
        new OkHttpClient.Builder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void canceled(Call call) {
                    okHttpCancelled.countDown();
                  }
                })
            .build();
    try (SilentServer silent = new SilentServer()) {
      KaiCallsClientAsync async =
          TestClients.against(silent.baseUrl(), new RecordingSleeper())
              .okHttpClient(listening)
              .retryScheduler(scheduler)
              .build()
              .async();

      CompletableFuture<Me> me = async.me().retrieve();
      assertThat(silent.requestRead.await(5, TimeUnit.SECONDS))
          .as("the server saw the request")
          .isTrue();
      boolean cancelled = me.cancel(true);

      assertThat(cancelled).isTrue();
      assertThat(me).isCancelled();
      assertThat(okHttpCancelled.await(5, TimeUnit.SECONDS))
          .as("OkHttp's call was cancelled")
          .isTrue();
      assertThat(silent.connectionClosed.await(5, TimeUnit.SECONDS))
          .as("the client hung up")
          .isTrue();
      assertThat(scheduler.scheduled()).as("no retry follows").isEmpty();
      assertThat(silent.connections.get()).isEqualTo(1);
    }
  }

  @Test
  void cancelling_while_a_retry_is_pending_cancels_the_retry_so_it_is_never_sent()
      throws Exception {
    Fixtures.stubSequence(server, "GET", "/v1/me", 503, 200);
    KaiCallsClientAsync async =
        TestClients.against(server.baseUrl(), new RecordingSleeper())
            .retryScheduler(scheduler)
            .build()
            .async();

    CompletableFuture<Me> me = async.me().retrieve();
    scheduler.awaitScheduled(1);
    me.cancel(true);

    assertThat(scheduler.scheduled().get(0).isCancelled()).isTrue();
    server.verify(1, getRequestedFor(urlEqualTo("/v1/me")));
  }

  /**
   * Accepts one connection, reads the request head and never answers, noting when the client hangs
   * up.
   */
  private static final class SilentServer implements AutoCloseable {
    final CountDownLatch requestRead = new CountDownLatch(1);
    final CountDownLatch connectionClosed = new CountDownLatch(1);
    final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket socket;
    private final Thread acceptor;

    SilentServer() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor = new Thread(this::serve, "silent-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket client = socket.accept()) {
          connections.incrementAndGet();
          InputStream in = client.getInputStream();
          int previous = 0;
          int b;
          while ((b = in.read()) != -1) {
            if (previous == '\n' && b == '\r')
              requestRead.countDown(); // the blank line after the headers
            previous = b;
          }
          connectionClosed.countDown();
        } catch (IOException e) {
          connectionClosed.countDown(); // a reset is a hang-up too
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
