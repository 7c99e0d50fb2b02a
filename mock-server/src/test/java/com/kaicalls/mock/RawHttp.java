package com.kaicalls.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends exactly the bytes given over a socket (for requests HTTP clients refuse to send: bad
 * encodings, duplicate headers, foreign Host values, lying lengths) and reads the answer until the
 * server closes the connection; a 10 s read timeout turns a hang into a failure.
 */
final class RawHttp {

  /**
   * The answer: status, headers (lower-case names, last value wins), body and parsed JSON (or
   * null).
   */
  record Reply(int status, Map<String, String> headers, String body, JsonNode json) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String errorCode() {
      return json == null ? null : json.path("error").path("code").asText(null);
    }

    String errorParam() {
      return json == null ? null : json.path("error").path("param").asText(null);
    }
  }

  private RawHttp() {}

  /**
   * A request with {@code Connection: close} added after the given head lines; {@code body} may be
   * null.
   */
  static Reply send(int port, String head, String body) {
    String request = head + "\r\nConnection: close\r\n\r\n" + (body == null ? "" : body);
    return sendBytes(port, request.getBytes(StandardCharsets.UTF_8));
  }

  static Reply sendBytes(int port, byte[] request) {
    try (Socket socket =
        new Socket(java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      for (int n; (n = in.read(chunk)) >= 0; ) {
        buffer.write(chunk, 0, n);
      }
    } catch (java.net.SocketException e) {
      // A reset after the server answered and closed (it did not read the whole body): keep what
      // came.
      if (buffer.size() == 0) {
        throw e;
      }
    }
    return buffer.toByteArray();
  }

  private static Reply parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, end).split("\r\n", -1);
    int status = Integer.parseInt(lines[0].split(" ", -1)[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    String type = headers.getOrDefault("content-type", "");
    JsonNode json =
        type.startsWith("application/json") && !body.isEmpty()
            ? ApiClient.JSON.readTree(body)
            : null;
    return new Reply(status, headers, body, json);
  }

  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        return body.toString();
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }
}
