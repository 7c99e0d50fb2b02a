package com.kaicalls.sdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sleeper that returns at once and remembers every delay it was asked for. */
final class RecordingSleeper implements Sleeper {
  private final List<Duration> delays = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void sleep(Duration duration) {
    delays.add(duration);
  }

  List<Duration> delays() {
    return List.copyOf(delays);
  }
}
