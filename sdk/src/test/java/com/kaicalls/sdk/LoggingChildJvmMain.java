package com.kaicalls.sdk;

import java.util.logging.Logger;

/**
 * Run in a child JVM by {@link LoggingToStderrTest}: one call, then the root JUL logger's state on
 * stdout.
 */
public final class LoggingChildJvmMain {
  private LoggingChildJvmMain() {}

  /**
   * Calls {@code GET /v1/me}.
   *
   * @param args the base URL and the API key
   */
  public static void main(String[] args) {
    KaiCallsClient.builder().apiKey(args[1]).baseUrl(args[0]).build().me().retrieve();
    Logger root = Logger.getLogger("");
    System.out.println(
        "root-level=" + root.getLevel() + " root-handlers=" + root.getHandlers().length);
  }
}
