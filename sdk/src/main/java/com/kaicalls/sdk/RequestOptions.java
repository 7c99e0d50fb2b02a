package com.kaicalls.sdk;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Options for one call: an idempotency key, the client workspace to act in, a timeout, a retry
 * budget and extra headers. Anything left unset falls back to the client's configuration.
 * Immutable.
 *
 * <pre>{@code
 * client.communicationRuns().create(params, RequestOptions.idempotencyKey("order-1234-reminders"));
 * client.me().retrieve(RequestOptions.builder().timeout(Duration.ofSeconds(5)).maxRetries(0).build());
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();
  static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
  static final int MAX_WORKSPACE_ID_LENGTH = 64;

  private final String idempotencyKey;
  private final boolean omitIdempotencyKey;
  private final String workspace;
  private final Duration timeout;
  private final Integer maxRetries;
  private final Map<String, String> headers;

  private RequestOptions(Builder b) {
    this.idempotencyKey = b.idempotencyKey;
    this.omitIdempotencyKey = b.omitIdempotencyKey;
    this.workspace = b.workspace;
    this.timeout = b.timeout;
    this.maxRetries = b.maxRetries;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
  }

  /** Returns options that change nothing. */
  public static RequestOptions none() {
    return NONE;
  }

  /**
   * Options that send this {@code Idempotency-Key} and change nothing else: the short form for one
   * call.
   *
   * <pre>{@code
   * client.communicationRuns().create(run, RequestOptions.idempotencyKey("order-1234-reminders"));
   * }</pre>
   *
   * @param key 1 to 255 characters, not blank; derive it from your own id for the operation
   * @return the options
   * @throws IllegalArgumentException if the key is blank or longer than 255 characters
   */
  public static RequestOptions idempotencyKey(String key) {
    return builder().idempotencyKey(key).build();
  }

  /**
   * Options that act inside this client workspace ({@code KaiCalls-Workspace}) and change nothing
   * else: an agency key's short form for one call on behalf of a client.
   *
   * <pre>{@code
   * client.leads().list(RequestOptions.workspace("ws_7Tn2Qd9LxB4c"));
   * }</pre>
   *
   * @param workspaceId the client workspace's id ({@code ws_...})
   * @return the options
   * @throws IllegalArgumentException if the id is blank, too long or not a header-safe string
   */
  public static RequestOptions workspace(String workspaceId) {
    return builder().workspace(workspaceId).build();
  }

  /** Returns a builder for per-call options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the caller's idempotency key, if one was given. */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /**
   * Returns true if the caller asked to send no idempotency key (such a POST is never retried once
   * sent).
   */
  public boolean omitsIdempotencyKey() {
    return omitIdempotencyKey;
  }

  /** Returns the client workspace this call acts in, if set (else the client's, if it has one). */
  public Optional<String> workspace() {
    return Optional.ofNullable(workspace);
  }

  /** Returns the timeout for the whole call including retries' individual attempts, if set. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** Returns the retry budget for this call, if set. */
  public Optional<Integer> maxRetries() {
    return Optional.ofNullable(maxRetries);
  }

  /** Returns extra headers sent with this call. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Returns a builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.idempotencyKey = idempotencyKey;
    b.omitIdempotencyKey = omitIdempotencyKey;
    b.workspace = workspace;
    b.timeout = timeout;
    b.maxRetries = maxRetries;
    b.headers.putAll(headers);
    return b;
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private String idempotencyKey;
    private boolean omitIdempotencyKey;
    private String workspace;
    private Duration timeout;
    private Integer maxRetries;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the {@code Idempotency-Key} sent with a POST. Without it the SDK generates one per call
     * and reuses it on every retry.
     *
     * @param key 1 to 255 characters, not blank
     * @return this builder
     * @throws IllegalArgumentException if the key is blank or longer than 255 characters
     */
    public Builder idempotencyKey(String key) {
      Objects.requireNonNull(key, "idempotencyKey");
      if (key.trim().isEmpty()) {
        throw new IllegalArgumentException("idempotencyKey must not be blank");
      }
      if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
        throw new IllegalArgumentException(
            "idempotencyKey must be at most "
                + MAX_IDEMPOTENCY_KEY_LENGTH
                + " characters, was "
                + key.length());
      }
      this.idempotencyKey = key;
      this.omitIdempotencyKey = false;
      return this;
    }

    /**
     * Sends no {@code Idempotency-Key}. Such a POST is not retried once it may have reached the
     * server (after a 5xx or a lost response), because a repeat could act twice; only a refused
     * connection, a 408, a 429 or the server's {@code KaiCalls-Should-Retry: true} retry it. The
     * API requires a key to create a communication run.
     *
     * @return this builder
     */
    public Builder omitIdempotencyKey() {
      this.idempotencyKey = null;
      this.omitIdempotencyKey = true;
      return this;
    }

    /**
     * Acts inside this client workspace for this call: sends {@code KaiCalls-Workspace}, overriding
     * the client's {@link KaiCallsClient#withWorkspace(String) workspace}. Only a key of an agency
     * workspace may; any workspace it may not act in is a 404 naming {@code KaiCalls-Workspace}.
     *
     * @param workspaceId the client workspace's id ({@code ws_...})
     * @return this builder
     * @throws IllegalArgumentException if the id is blank, too long or not a header-safe string
     */
    public Builder workspace(String workspaceId) {
      this.workspace = checkedWorkspaceId(workspaceId);
      return this;
    }

    /**
     * Sets a timeout for each attempt of this call, covering connect, write, read and the body.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets how many times this call may be retried.
     *
     * @param maxRetries zero or more
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Adds a header to this call. {@code Authorization} cannot be set here: use the client's API
     * key.
     *
     * @param name header name
     * @param value header value
     * @return this builder
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.toLowerCase(Locale.ROOT).equals("authorization")) {
        throw new IllegalArgumentException("Set the API key on the client, not as a header");
      }
      headers.put(name, value);
      return this;
    }

    static String checkedWorkspaceId(String workspaceId) {
      Objects.requireNonNull(workspaceId, "workspaceId");
      if (workspaceId.trim().isEmpty())
        throw new IllegalArgumentException("workspaceId must not be blank");
      if (workspaceId.length() > MAX_WORKSPACE_ID_LENGTH) {
        throw new IllegalArgumentException(
            "workspaceId must be at most "
                + MAX_WORKSPACE_ID_LENGTH
                + " characters, was "
                + workspaceId.length());
      }
      // Sent as a header: a control character or a non-ASCII one would be refused by OkHttp at send
      // time.
      if (workspaceId.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
        throw new IllegalArgumentException(
            "workspaceId must be printable ASCII without spaces: " + workspaceId);
      }
      return workspaceId;
    }

    /** Returns the options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
