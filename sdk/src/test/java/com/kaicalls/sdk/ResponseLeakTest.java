package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.kaicalls.sdk.errors.InternalServerException;
import com.kaicalls.sdk.errors.NotFoundException;
import com.kaicalls.sdk.errors.ResponseParseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResponseLeakTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @Test
  void every_response_body_is_closed_on_success_error_retry_and_parse_failure_paths()
      throws IOException {
    BodyCounter counter = new BodyCounter();
    KaiCallsClient client =
        TestClients.against(server.baseUrl(), new RecordingSleeper())
            .okHttpClient(new OkHttpClient.Builder().addNetworkInterceptor(counter).build())
            .build();
    server.stubFor(
        Fixtures.route("GET", "/v1/me").willReturn(Fixtures.json(200, Fixtures.meJson())));
    server.stubFor(
        Fixtures.route("GET", "/v1/communication-runs/run_gone")
            .willReturn(Fixtures.error(404, "not_found", "resource_missing")));
    server.stubFor(
        Fixtures.route("GET", "/v1/communication-runs/run_flaky")
            .willReturn(Fixtures.error(503, "api_error", "unavailable")));
    server.stubFor(
        Fixtures.route("GET", "/v1/communication-runs/run_garbled")
            .willReturn(aResponse().withStatus(200).withBody("{oops")));
    server.stubFor(
        Fixtures.route("GET", "/v1/recordings/rec_1/content")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "audio/wav")
                    .withBody(new byte[] {1, 2, 3})));

    client.me().retrieve();
    assertThatThrownBy(() -> client.communicationRuns().retrieve("run_gone"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.communicationRuns().retrieve("run_flaky"))
        .isInstanceOf(InternalServerException.class);
    assertThatThrownBy(() -> client.communicationRuns().retrieve("run_garbled"))
        .isInstanceOf(ResponseParseException.class);
    client.recordings().content("rec_1");
    try (InputStream audio = client.recordings().contentStream("rec_1", RequestOptions.none())) {
      assertThat(audio.readAllBytes()).containsExactly(1, 2, 3);
    }

    assertThat(counter.opened.get()).isEqualTo(1 + 1 + 3 + 1 + 1 + 1);
    assertThat(counter.closed.get()).isEqualTo(counter.opened.get());
  }

  /** Wraps every network response body and counts how many were opened and closed. */
  private static final class BodyCounter implements Interceptor {
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      opened.incrementAndGet();
      ResponseBody original = response.body();
      AtomicBoolean once = new AtomicBoolean();
      BufferedSource counted =
          Okio.buffer(
              new ForwardingSource(original.source()) {
                @Override
                public void close() throws IOException {
                  if (once.compareAndSet(false, true)) closed.incrementAndGet();
                  super.close();
                }
              });
      ResponseBody wrapped =
          new ResponseBody() {
            @Override
            public MediaType contentType() {
              return original.contentType();
            }

            @Override
            public long contentLength() {
              return original.contentLength();
            }

            @Override
            public BufferedSource source() {
              return counted;
            }
          };
      return response.newBuilder().body(wrapped).build();
    }
  }
}
