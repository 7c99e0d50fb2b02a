package com.kaicalls.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code kaicalls.*} properties: how the auto-configured {@code KaiCallsClient} reaches the
 * API, and how the webhook endpoint verifies deliveries.
 */
@ConfigurationProperties("kaicalls")
public class KaiCallsProperties {

  // Field comments are the IDE's descriptions (configuration metadata): plain text, no Javadoc
  // tags.

  /**
   * API key (kc_test_... or kc_live_...). Without it no KaiCallsClient bean is created. Keep it out
   * of source control: the SDK's environment variable KAICALLS_API_KEY sets it.
   */
  private String apiKey;

  /** Base URL of the API, e.g. a local emulator's http://127.0.0.1:8089. */
  private String baseUrl = "https://api.kaicalls.com";

  /**
   * Client workspace (ws_...) every call acts in, for a key of an agency workspace: the
   * KaiCalls-Workspace header. Unset: the key's own workspace. The SDK's environment variable
   * KAICALLS_WORKSPACE sets it.
   */
  private String workspace;

  /** How many times a failed call is retried with backoff. Unset: the SDK's default (2). */
  private Integer maxRetries;

  /**
   * Timeout of each attempt as a whole, from connecting to reading the body (e.g. 30s). Unset: the
   * SDK's default (2 minutes).
   */
  private Duration timeout;

  private final Webhooks webhooks = new Webhooks();

  /** Returns the API key, or {@code null}. */
  public String getApiKey() {
    return apiKey;
  }

  /**
   * Sets the API key.
   *
   * @param apiKey the API key
   */
  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  /** Returns the API's base URL. */
  public String getBaseUrl() {
    return baseUrl;
  }

  /**
   * Sets the API's base URL.
   *
   * @param baseUrl the API's base URL
   */
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Returns the client workspace every call acts in, or {@code null} for the key's own. */
  public String getWorkspace() {
    return workspace;
  }

  /**
   * Sets the client workspace every call acts in.
   *
   * @param workspace the client workspace's id ({@code ws_...})
   */
  public void setWorkspace(String workspace) {
    this.workspace = workspace;
  }

  /** Returns how many times a failed call is retried, or {@code null} for the SDK's default. */
  public Integer getMaxRetries() {
    return maxRetries;
  }

  /**
   * Sets how many times a failed call is retried.
   *
   * @param maxRetries how many times a failed call is retried
   */
  public void setMaxRetries(Integer maxRetries) {
    this.maxRetries = maxRetries;
  }

  /** Returns the timeout of each attempt, or {@code null} for the SDK's default. */
  public Duration getTimeout() {
    return timeout;
  }

  /**
   * Sets the timeout of each attempt.
   *
   * @param timeout the timeout of each attempt
   */
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  /** Returns the webhook endpoint's settings. */
  public Webhooks getWebhooks() {
    return webhooks;
  }

  /** The {@code kaicalls.webhooks.*} properties. */
  public static class Webhooks {

    /** Whether to serve the webhook endpoint. Unset: on when at least one secret is set. */
    private Boolean enabled;

    /** Path of the webhook endpoint (POST). */
    private String path = "/kaicalls/webhooks";

    /**
     * Signing secrets (whsec_...) a delivery may be signed with: during a rotation list both the
     * new and the previous secret.
     */
    private List<String> secrets = new ArrayList<>();

    /** How far a delivery's webhook-timestamp may be from now, in either direction. */
    private Duration tolerance = Duration.ofMinutes(5);

    /** Returns whether the endpoint is on; {@code null} when unset. */
    public Boolean getEnabled() {
      return enabled;
    }

    /**
     * Sets whether the endpoint is on.
     *
     * @param enabled whether the endpoint is on
     */
    public void setEnabled(Boolean enabled) {
      this.enabled = enabled;
    }

    /** Returns the endpoint's path. */
    public String getPath() {
      return path;
    }

    /**
     * Sets the endpoint's path.
     *
     * @param path the endpoint's path
     */
    public void setPath(String path) {
      this.path = path;
    }

    /** Returns the signing secrets. */
    public List<String> getSecrets() {
      return secrets;
    }

    /**
     * Sets the signing secrets.
     *
     * @param secrets the signing secrets
     */
    public void setSecrets(List<String> secrets) {
      this.secrets = secrets;
    }

    /** Returns the timestamp tolerance. */
    public Duration getTolerance() {
      return tolerance;
    }

    /**
     * Sets the timestamp tolerance.
     *
     * @param tolerance the timestamp tolerance
     */
    public void setTolerance(Duration tolerance) {
      this.tolerance = tolerance;
    }
  }
}
