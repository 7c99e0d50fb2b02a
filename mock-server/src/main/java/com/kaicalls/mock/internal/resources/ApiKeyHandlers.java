package com.kaicalls.mock.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.access.Authenticator;
import com.kaicalls.mock.internal.api.ApiCall;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.api.ApiResponse;
import com.kaicalls.mock.internal.api.Handler;
import com.kaicalls.mock.internal.api.Lists;
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Page;
import com.kaicalls.mock.internal.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /v1/api-keys}: list, create (secret shown once), retrieve, revoke. */
public final class ApiKeyHandlers {

  public static final String TYPE = Collections.API_KEY;

  private final Store store;
  private final Ledger ledger;
  private final Authenticator auth;
  private final Ids ids;
  private final Clock clock;

  /** Handlers that keep keys in {@code store} and their secrets with {@code auth}. */
  public ApiKeyHandlers(Store store, Ledger ledger, Authenticator auth, Ids ids, Clock clock) {
    this.store = store;
    this.ledger = ledger;
    this.auth = auth;
    this.ids = ids;
    this.clock = clock;
  }

  /** Adds its handlers, by operation id. */
  public void register(Map<String, Handler> handlers) {
    handlers.put(
        "listApiKeys",
        call -> {
          Page page = store.list(call.workspace(), TYPE, Lists.query(call, null, false));
          List<ObjectNode> rendered = new ArrayList<>();
          page.data().forEach(k -> rendered.add(render(call, k)));
          return ApiResponse.ok(new Page(rendered, page.hasMore(), page.nextCursor()).toJson());
        });
    handlers.put("getApiKey", call -> ApiResponse.ok(render(call, find(call))));
    handlers.put("createApiKey", this::create);
    handlers.put(
        "revokeApiKey",
        call -> {
          ObjectNode key = find(call);
          JsonNode scopes = key.path(Fields.SCOPES);
          for (int i = 0; i < scopes.size(); i++) {
            requireHeld(
                call, scopes.get(i).asText(), "revoke keys whose scopes it does not hold", "id");
          }
          if (key.path(Fields.REVOKED_AT).isNull()) {
            key.put(Fields.REVOKED_AT, Json.time(clock.instant()));
            key.put(Fields.STATUS, "revoked");
            ledger.save(call.workspace(), TYPE, key);
          }
          return ApiResponse.ok(render(call, key));
        });
  }

  private ApiResponse create(ApiCall call) {
    JsonNode body = call.body;
    ArrayNode scopes = (ArrayNode) body.get(Fields.SCOPES);
    for (int i = 0; i < scopes.size(); i++) {
      requireHeld(
          call, scopes.get(i).asText(), "grant scopes it does not hold", "scopes[" + i + "]");
    }
    String expiresAt = Json.text(body, Fields.EXPIRES_AT);
    if (expiresAt != null
        && !OffsetDateTime.parse(expiresAt).toInstant().isAfter(clock.instant())) {
      throw ApiException.invalid(
          "parameter_invalid", "expires_at must be in the future.", "expires_at");
    }
    String secret = auth.newSecret();
    ObjectNode key =
        newKey(
            ids.next("key_"),
            call.workspace(),
            body.get(Fields.NAME).asText(),
            scopes,
            clock.instant(),
            expiresAt == null
                ? null
                : Instant.parse(Json.time(OffsetDateTime.parse(expiresAt).toInstant())));
    auth.register(call.workspace(), key, secret);
    ledger.save(call.workspace(), TYPE, key);
    ObjectNode withSecret = render(call, key);
    withSecret.put("secret", secret);
    String id = key.get(Fields.ID).asText();
    return ApiResponse.json(201, withSecret)
        .refuseReplay(
            new ApiException(
                422,
                "idempotency_key_reused",
                "secret_not_replayable",
                "This Idempotency-Key already created the API key "
                    + id
                    + ", whose secret was shown"
                    + " once and is not kept, so it cannot be replayed. If that secret was lost, revoke "
                    + id
                    + " and create a new key.",
                "Idempotency-Key"));
  }

  /** No privilege escalation: a key acts only on keys within its own scopes (403 otherwise). */
  private static void requireHeld(ApiCall call, String scope, String refused, String param) {
    if (!call.principal.scopes().contains(scope)) {
      throw new ApiException(
          403,
          "permission_error",
          "missing_scope",
          "A key cannot " + refused + "; this key lacks '" + scope + "'.",
          param);
    }
  }

  /**
   * The key as the API shows it; a key stored before keys named their workspace gets the one it is
   * stored in (the workspace the request acts in).
   */
  private ObjectNode render(ApiCall call, ObjectNode stored) {
    ObjectNode key = auth.render(stored);
    if (!key.hasNonNull(Fields.WORKSPACE_ID)) {
      key.put(Fields.WORKSPACE_ID, call.workspace());
    }
    return key;
  }

  /**
   * A new, active {@code ApiKey} document of workspace {@code workspaceId} (its secret is
   * registered separately).
   */
  public static ObjectNode newKey(
      String id,
      String workspaceId,
      String name,
      ArrayNode scopes,
      Instant createdAt,
      Instant expiresAt) {
    ObjectNode key = Json.object();
    key.put(Fields.ID, id);
    key.put(Fields.OBJECT, "api_key");
    key.put(Fields.WORKSPACE_ID, workspaceId);
    key.put(Fields.NAME, name);
    key.set(Fields.SCOPES, scopes.deepCopy());
    key.put(Fields.PREFIX, "");
    key.put(Fields.LAST4, "");
    key.put(Fields.LIVEMODE, false);
    key.put(Fields.CREATED_AT, Json.time(createdAt));
    if (expiresAt == null) {
      key.putNull(Fields.EXPIRES_AT);
    } else {
      key.put(Fields.EXPIRES_AT, Json.time(expiresAt));
    }
    key.putNull(Fields.REVOKED_AT);
    key.putNull(Fields.LAST_USED_AT);
    key.put(Fields.STATUS, "active");
    return key;
  }

  private ObjectNode find(ApiCall call) {
    ObjectNode key = store.get(call.workspace(), TYPE, call.path("id"));
    if (key == null) {
      throw ApiException.notFound("api key", call.path("id"));
    }
    return key;
  }
}
