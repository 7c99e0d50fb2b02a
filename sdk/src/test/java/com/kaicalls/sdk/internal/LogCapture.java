package com.kaicalls.sdk.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records the formatted lines the SDK logs (logger {@code com.kaicalls.sdk}) during each test, and
 * afterwards clears {@code kaicalls.log}, which a test sets to switch debug logging on. Register
 * with {@code @RegisterExtension}.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {
  private final Logger sdkLogger = Logger.getLogger("com.kaicalls.sdk");
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
          lines.add(formatter.formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @Override
  public void beforeEach(ExtensionContext context) {
    sdkLogger.addHandler(handler);
    sdkLogger.setLevel(Level.ALL);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    sdkLogger.removeHandler(handler);
    sdkLogger.setLevel(null);
    System.clearProperty("kaicalls.log");
  }

  /** Returns the lines logged so far in this test, in order. */
  public List<String> lines() {
    return lines;
  }
}
