package com.kaicalls.spring.e2e;

import com.kaicalls.sdk.models.CallCompletedEvent;
import com.kaicalls.sdk.models.CommunicationRunCompletedEvent;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.sdk.models.UnknownEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The test's listeners: each records the ids it received, so a test can count them. */
public class EventRecorder {
  final List<String> anyEvent = new CopyOnWriteArrayList<>();
  final List<String> callCompleted = new CopyOnWriteArrayList<>();
  final List<String> runCompleted = new CopyOnWriteArrayList<>();
  final List<String> unknown = new CopyOnWriteArrayList<>();
  final List<String> failedCallCompleted = new CopyOnWriteArrayList<>();
  private final AtomicBoolean failNextCallCompleted = new AtomicBoolean();

  /**
   * Makes the next {@code call.completed} listener call throw, as a listener whose database is down
   * would.
   */
  void failNextCallCompleted() {
    failNextCallCompleted.set(true);
  }

  void clear() {
    anyEvent.clear();
    callCompleted.clear();
    runCompleted.clear();
    unknown.clear();
    failedCallCompleted.clear();
    failNextCallCompleted.set(false);
  }

  // First, so that when it throws no other listener has seen the event yet.
  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void on(CallCompletedEvent event) {
    if (failNextCallCompleted.compareAndSet(true, false)) {
      failedCallCompleted.add(Platform.idOf(event));
      throw new IllegalStateException("simulated failure of a listener");
    }
    callCompleted.add(Platform.idOf(event));
  }

  @EventListener
  public void on(CommunicationRunCompletedEvent event) {
    runCompleted.add(Platform.idOf(event));
  }

  @EventListener
  public void on(Event event) {
    anyEvent.add(Platform.idOf(event));
  }

  @EventListener
  public void on(UnknownEvent event) {
    unknown.add(event.id());
  }
}
