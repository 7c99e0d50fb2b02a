package com.kaicalls.spring.example;

import com.kaicalls.sdk.models.CallCompletedEvent;
import com.kaicalls.sdk.models.UnknownEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Handles KaiCalls events: plain Spring listeners, one method per event type the application cares
 * about.
 */
@Component
public class CallLog {
  private static final Logger log = LoggerFactory.getLogger(CallLog.class);

  /**
   * A call ended. Runs once per event: a redelivery of an event already handled is not published
   * again.
   *
   * @param event the verified event
   */
  @EventListener
  public void on(CallCompletedEvent event) {
    log.info("Call completed (event {})", event.id());
  }

  /**
   * An event kind newer than this SDK version: still delivered, never dropped.
   *
   * @param event the verified event, with its raw type and JSON
   */
  @EventListener
  public void on(UnknownEvent event) {
    log.info(
        "An event this SDK version does not know yet: {} ({})",
        event.type().asString(),
        event.id());
  }
}
