package com.kaicalls.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Spring MVC webhook endpoint: {@code POST ${kaicalls.webhooks.path}}. Reads the body itself,
 * as bytes, so that nothing (a JSON converter, a charset) changes what the signature covers. Every
 * answer has an empty body.
 */
@RestController
public class WebhookController {
  /** Events are a few KB; anything this large is not a KaiCalls delivery and is not buffered. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private static final Log log = LogFactory.getLog(WebhookController.class);

  private final WebhookHandler handler;

  /**
   * @param handler handles each delivery
   */
  public WebhookController(WebhookHandler handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /**
   * Receives a delivery.
   *
   * @param request the request
   * @return 204, 400, 413 or 500, with no body
   * @throws IOException if the body cannot be read
   */
  @PostMapping(path = "${kaicalls.webhooks.path:/kaicalls/webhooks}")
  public ResponseEntity<Void> receive(HttpServletRequest request) throws IOException {
    byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES);
    if (body == null) {
      log.warn(
          "Refused a KaiCalls webhook delivery: the body is larger than "
              + MAX_BODY_BYTES
              + " bytes");
      return ResponseEntity.status(413).build();
    }
    return ResponseEntity.status(handler.handle(body, request::getHeader).status()).build();
  }

  /**
   * @return the bytes, or {@code null} if there are more than {@code max}
   */
  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    byte[] bytes = in.readNBytes(max + 1);
    return bytes.length > max ? null : bytes;
  }
}
