package com.kaicalls.spring.internal;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says at startup that webhooks are configured but cannot be received, rather than leaving
 * deliveries to 404.
 */
public final class WebhookEndpointUnavailableWarning implements SmartInitializingSingleton {
  private static final Log log = LogFactory.getLog(WebhookEndpointUnavailableWarning.class);

  private final String path;

  /**
   * @param path the endpoint's configured path
   */
  public WebhookEndpointUnavailableWarning(String path) {
    this.path = path;
  }

  @Override
  public void afterSingletonsInstantiated() {
    log.warn(message());
  }

  String message() {
    return "KaiCalls webhooks are configured (kaicalls.webhooks.*) but this application is not a Spring MVC web "
        + "application, so the webhook endpoint POST "
        + path
        + " is OFF and deliveries will not be received. Add "
        + "spring-boot-starter-webmvc (WebFlux is not supported), or set kaicalls.webhooks.enabled=false.";
  }
}
