package com.kaicalls.mock.internal.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.api.Principal;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys: mints secrets (shown once, kept only as SHA-256), and turns an {@code Authorization}
 * header into a {@link Principal} or a 401.
 */
public final class Authenticator {

  private record KeyRef(String workspaceId, String keyId) {}

  private final Store store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, KeyRef> byHash = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();

  public Authenticator(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void clear() {
    byHash.clear();
    lastUsed.clear();
  }

  public String newSecret() {
    return "kc_test_" + Ids.base62(random, 32);
  }

  /** Registers a key document whose secret is {@code secret}; only the hash is kept. */
  public void register(String workspaceId, ObjectNode key, String secret) {
    key.put(Fields.PREFIX, secret.substring(0, Math.min(12, secret.length())));
    key.put(Fields.LAST4, secret.substring(secret.length() - 4));
    String hash = sha256(secret);
    byHash.put(hash, new KeyRef(workspaceId, key.get(Fields.ID).asText()));
    ObjectNode doc = Json.object();
    doc.put(Fields.ID, key.get(Fields.ID).asText());
    doc.put(Fields.CREATED_AT, key.get(Fields.CREATED_AT).asText());
    doc.put("sha256", hash);
    store.put(workspaceId, Collections.API_KEY_HASH, doc);
  }

  /** Restores the key hashes (after a restart). */
  public void reload(Iterable<String> workspaceIds) {
    for (String ws : workspaceIds) {
      for (ObjectNode doc : store.all(ws, Collections.API_KEY_HASH)) {
        byHash.put(doc.get("sha256").asText(), new KeyRef(ws, doc.get(Fields.ID).asText()));
      }
    }
  }

  public Principal authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw unauthorized(
          "invalid_api_key", "No API key provided. Send 'Authorization: Bearer kc_test_...'.");
    }
    String token =
        authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).trim()
            : "";
    KeyRef ref = token.isEmpty() ? null : byHash.get(sha256(token));
    ObjectNode key =
        ref == null ? null : store.get(ref.workspaceId, Collections.API_KEY, ref.keyId);
    if (key == null) {
      throw unauthorized("invalid_api_key", "Invalid API key provided.");
    }
    Instant now = clock.instant();
    if (!key.path(Fields.REVOKED_AT).isNull() && key.has(Fields.REVOKED_AT)) {
      throw unauthorized("api_key_revoked", "This API key was revoked.");
    }
    JsonNode expires = key.get(Fields.EXPIRES_AT);
    if (expires != null && !expires.isNull() && !now.isBefore(Instant.parse(expires.asText()))) {
      throw unauthorized("api_key_expired", "This API key expired at " + expires.asText() + ".");
    }
    lastUsed.put(ref.keyId, now);
    Set<String> scopes = new HashSet<>();
    key.path(Fields.SCOPES).forEach(s -> scopes.add(s.asText()));
    return new Principal(ref.workspaceId, ref.keyId, scopes);
  }

  /** The key as the API shows it: with {@code last_used_at} and a computed {@code status}. */
  public ObjectNode render(ObjectNode stored) {
    ObjectNode key = stored.deepCopy();
    Instant used = lastUsed.get(key.get(Fields.ID).asText());
    if (used != null) {
      key.put(Fields.LAST_USED_AT, Json.time(used));
    }
    JsonNode expires = key.get(Fields.EXPIRES_AT);
    if (!key.path(Fields.REVOKED_AT).isNull()) {
      key.put(Fields.STATUS, "revoked");
    } else if (expires != null
        && !expires.isNull()
        && !clock.instant().isBefore(Instant.parse(expires.asText()))) {
      key.put(Fields.STATUS, "expired");
    } else {
      key.put(Fields.STATUS, "active");
    }
    return key;
  }

  private static ApiException unauthorized(String code, String message) {
    return new ApiException(401, "authentication_error", code, message, null);
  }

  public static String sha256(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
