package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockTest;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The emulator speaks HTTP/1.1 only: an h2c upgrade offer (what a JDK HttpClient sends first) is
 * declined.
 */
@KaiCallsMockTest
class Http11OnlyTest {

  @Test
  void anH2cUpgradeOfferIsAnsweredInHttp11(KaiCallsMockServer mock) throws Exception {
    String raw;
    try (Socket socket =
        new Socket(java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), mock.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /openapi.yaml HTTP/1.1\r\nHost: 127.0.0.1:"
                  + mock.port()
                  + "\r\n"
                  + "Connection: Upgrade, HTTP2-Settings, close\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      raw = new String(socket.getInputStream().readNBytes(64), StandardCharsets.ISO_8859_1);
    }

    assertThat(raw).startsWith("HTTP/1.1 200");
  }
}
