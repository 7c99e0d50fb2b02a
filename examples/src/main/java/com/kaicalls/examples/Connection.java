package com.kaicalls.examples;

import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.MockServerOptions;
import com.kaicalls.sdk.KaiCallsClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an example sends its requests: the base URL and key from the command line ({@code
 * --base-url URL --api-key KEY}) or from {@code KAICALLS_BASE_URL} / {@code KAICALLS_API_KEY}; with
 * neither, an emulator started in this JVM. Given only the base URL of an emulator, the demo key
 * (or for the agency example, the demo agency's key) is read from its admin route.
 */
public final class Connection implements AutoCloseable {

  private static final String DEFAULT_BASE_URL = "https://api.kaicalls.com";

  private final String baseUrl;
  private final String apiKey;
  private final KaiCallsClient client;
  private final EmulatorClock clock;
  private final KaiCallsMockServer embedded;

  private Connection(String baseUrl, String apiKey, KaiCallsMockServer embedded) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.embedded = embedded;
    this.client = KaiCallsClient.builder().baseUrl(baseUrl).apiKey(apiKey).build();
    this.clock = EmulatorClock.connect(baseUrl);
  }

  /** Connects to the emulator a test started. The caller closes the emulator. */
  public static Connection to(KaiCallsMockServer emulator) {
    return new Connection(emulator.baseUrl(), emulator.apiKey(), null);
  }

  /**
   * Connects to the emulator a test started with the key of its demo agency (Northwind Growth
   * Agency). The caller closes the emulator.
   */
  public static Connection toAgency(KaiCallsMockServer emulator) {
    return new Connection(emulator.baseUrl(), emulator.agencyApiKey(), null);
  }

  /**
   * Connects as the arguments and environment say, or starts an emulator (and says so on {@code
   * out}).
   */
  public static Connection open(String[] args, Map<String, String> env, PrintStream out) {
    return open(args, env, out, Role.DEMO);
  }

  /**
   * Like {@link #open}, but an emulator's key is that of its demo agency: the key given must be an
   * agency workspace's.
   */
  public static Connection openAgency(String[] args, Map<String, String> env, PrintStream out) {
    return open(args, env, out, Role.AGENCY);
  }

  /** Whose key an emulator's connection uses: the demo workspace's or the demo agency's. */
  private enum Role {
    DEMO("demo workspace", "demo_api_key"),
    AGENCY("demo agency", "agency_api_key");

    final String label;
    final String adminField;

    Role(String label, String adminField) {
      this.label = label;
      this.adminField = adminField;
    }

    String keyOf(KaiCallsMockServer emulator) {
      return this == AGENCY ? emulator.agencyApiKey() : emulator.apiKey();
    }
  }

  private static Connection open(
      String[] args, Map<String, String> env, PrintStream out, Role role) {
    String baseUrl = option(args, "--base-url", env.get("KAICALLS_BASE_URL"));
    String apiKey = option(args, "--api-key", env.get("KAICALLS_API_KEY"));
    if (baseUrl == null && apiKey == null) {
      KaiCallsMockServer emulator =
          KaiCallsMockServer.start(MockServerOptions.builder().port(0).build());
      String key = role.keyOf(emulator);
      out.println(
          "Started a KaiCalls emulator in this JVM at "
              + emulator.baseUrl()
              + " ("
              + role.label
              + ", key "
              + mask(key)
              + ").");
      return new Connection(emulator.baseUrl(), key, emulator);
    }
    if (baseUrl == null) {
      baseUrl = DEFAULT_BASE_URL;
    }
    baseUrl = baseUrl.replaceAll("/+$", "");
    if (apiKey == null) {
      apiKey = emulatorKey(baseUrl, role.adminField);
    }
    out.println("Using " + baseUrl + " with key " + mask(apiKey) + ".");
    return new Connection(baseUrl, apiKey, null);
  }

  public KaiCallsClient client() {
    return client;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String apiKey() {
    return apiKey;
  }

  /** Moves (or waits for) the platform's time. */
  public EmulatorClock clock() {
    return clock;
  }

  /** Stops the emulator if this connection started it. */
  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }

  /** {@code kc_test_demo_4f7Q…W3hJ}: enough to recognise a key, never the whole secret. */
  static String mask(String secret) {
    if (secret.length() <= 16) {
      return secret.substring(0, Math.min(4, secret.length())) + "…";
    }
    return secret.substring(0, 12) + "…" + secret.substring(secret.length() - 4);
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(name) && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith(name + "=")) {
        return args[i].substring(name.length() + 1);
      }
    }
    return fallback == null || fallback.isBlank() ? null : fallback;
  }

  /** A key of a KaiCalls emulator ({@code field}) from {@code GET /__admin/kaicalls/keys}. */
  private static String emulatorKey(String baseUrl, String field) {
    String hint = "Give an API key: --api-key kc_test_... or KAICALLS_API_KEY";
    if (!EmulatorClock.isLoopback(baseUrl)) {
      throw new IllegalArgumentException(hint);
    }
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/kaicalls/keys"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      Matcher m =
          Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
      if (response.statusCode() == 200 && m.find()) {
        return m.group(1);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "No emulator answers at " + baseUrl + " (" + e.getMessage() + "). " + hint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalArgumentException(hint);
  }
}
