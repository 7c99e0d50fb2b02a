package com.kaicalls.mock.internal.admin;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.access.Authenticator;
import com.kaicalls.mock.internal.access.IdempotencyCache;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.clock.Scheduler;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot format ({@value #VERSION}): the whole state as one JSON document, {@code {"version",
 * "clock": {"now"}, "id_sequence", "workspaces": [{"id", "name", "kind", "parent_workspace_id",
 * "documents": {type: [document, ...]}}]}}, documents in store order under their type names
 * (internal types start with {@code _}: timers, idempotency records, API key hashes). {@code kind}
 * and {@code parent_workspace_id} are written for the reader's benefit and not required: a
 * workspace is known when it is one of the seed's or a {@code workspace} document of the snapshot
 * names it (a client workspace created through the API), so snapshots taken before agencies still
 * load. Written deterministically (two-space indent, {@code \n}), so taking a snapshot of a
 * restored snapshot gives the same bytes.
 */
public final class Snapshots {

  static final String VERSION = "kaicalls-snapshot/1";

  /** The type of workspace documents (a client's is stored in its agency's partition). */
  private static final String WORKSPACE_TYPE = "workspace";

  private static final ObjectWriter PRETTY =
      Json.MAPPER.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  /** A validated snapshot: documents by workspace, then type. */
  public record Parsed(
      Instant now, long idSequence, Map<String, Map<String, List<ObjectNode>>> documents) {}

  private Snapshots() {}

  /**
   * The state as a snapshot document; idempotency records already expired at {@code now} are left
   * out.
   */
  public static ObjectNode take(
      Store store, long idSequence, Instant now, List<String> workspaceIds, Workspaces names) {
    ObjectNode root = Json.object();
    root.put("version", VERSION);
    root.putObject("clock").put("now", now.toString());
    root.put("id_sequence", idSequence);
    ArrayNode workspaces = root.putArray("workspaces");
    for (String ws : workspaceIds) {
      ObjectNode workspace = workspaces.addObject();
      workspace.put("id", ws);
      Workspaces.Workspace named = names.get(ws);
      workspace.put("name", named == null ? null : named.name());
      workspace.put("kind", named == null ? null : named.kind().wire());
      workspace.put("parent_workspace_id", named == null ? null : named.parentId());
      ObjectNode documents = workspace.putObject("documents");
      for (String type : store.types(ws)) {
        ArrayNode list = Json.array();
        for (ObjectNode doc : store.all(ws, type)) {
          if (!type.equals(IdempotencyCache.TYPE)
              || now.isBefore(claimedAt(doc).plus(IdempotencyCache.RETENTION))) {
            list.add(doc);
          }
        }
        if (!list.isEmpty()) {
          documents.set(type, list);
        }
      }
    }
    return root;
  }

  public static byte[] bytes(ObjectNode snapshot) {
    try {
      return PRETTY.writeValueAsBytes(snapshot);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads and checks a snapshot; throws {@link SnapshotException} naming the first field at fault.
   */
  public static Parsed read(byte[] bytes, List<String> knownWorkspaces) {
    JsonNode root;
    try {
      root = bytes == null || bytes.length == 0 ? null : Json.parse(bytes);
    } catch (IOException e) {
      throw new SnapshotException("invalid_json", "The snapshot is not valid JSON.", null);
    }
    return read(root, knownWorkspaces);
  }

  /**
   * Reads and checks a snapshot whose workspaces are among {@code knownWorkspaces} or named by one
   * of its own {@code workspace} documents; throws {@link SnapshotException} naming the first field
   * at fault.
   */
  public static Parsed read(JsonNode root, List<String> knownWorkspaces) {
    check(
        root != null && root.isObject(),
        null,
        "A snapshot is a JSON object with version, clock, id_sequence and" + " workspaces.");
    JsonNode version = root.get("version");
    if (version == null || !VERSION.equals(version.asText(null))) {
      throw new SnapshotException(
          "snapshot_version_unsupported",
          "This emulator restores snapshots of version \""
              + VERSION
              + "\"; this one has version "
              + (version == null ? "none" : version.toString())
              + ".",
          "version");
    }
    Instant now = instant(root.path("clock").path("now"), "clock.now");
    JsonNode seq = root.path("id_sequence");
    check(
        seq.canConvertToLong() && seq.isIntegralNumber() && seq.asLong() >= 0,
        "id_sequence",
        "id_sequence must be a non-negative integer.");
    JsonNode workspaces = root.path("workspaces");
    check(workspaces.isArray(), "workspaces", "workspaces must be an array.");
    Map<String, Map<String, List<ObjectNode>>> documents = new LinkedHashMap<>();
    List<String> known = new ArrayList<>(knownWorkspaces);
    for (JsonNode workspace : workspaces) {
      workspace
          .path("documents")
          .path(WORKSPACE_TYPE)
          .forEach(
              doc -> {
                if (doc.path("id").isTextual() && !known.contains(doc.path("id").asText())) {
                  known.add(doc.path("id").asText());
                }
              });
    }
    for (int i = 0; i < workspaces.size(); i++) {
      String at = "workspaces[" + i + "]";
      JsonNode workspace = workspaces.get(i);
      String id = workspace.path("id").asText(null);
      check(
          id != null && known.contains(id) && !documents.containsKey(id),
          at + ".id",
          at
              + ".id must be one of "
              + known
              + " (the seed's, or one a workspace document names), each at most once.");
      JsonNode types = workspace.path("documents");
      check(
          types.isObject(),
          at + ".documents",
          at + ".documents must be an object of arrays by type.");
      Map<String, List<ObjectNode>> byType = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = types.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> type = it.next();
        String typeAt = at + ".documents." + type.getKey();
        check(type.getValue().isArray(), typeAt, typeAt + " must be an array of documents.");
        List<ObjectNode> list = new ArrayList<>();
        for (int j = 0; j < type.getValue().size(); j++) {
          list.add(document(type.getKey(), type.getValue().get(j), typeAt + "[" + j + "]"));
        }
        byType.put(type.getKey(), list);
      }
      documents.put(id, byType);
    }
    return new Parsed(now, seq.asLong(), documents);
  }

  /**
   * A stored document: an object with a textual id and created_at; internal types with what they
   * are read by.
   */
  private static ObjectNode document(String type, JsonNode doc, String at) {
    check(
        doc.isObject() && doc.path("id").isTextual(),
        at + ".id",
        at + " must be an object with a textual id.");
    instant(doc.path("created_at"), at + ".created_at");
    switch (type) {
      case Scheduler.TYPE:
        instant(doc.path("due_at"), at + ".due_at");
        check(doc.path("kind").isTextual(), at + ".kind", at + ".kind must be a string.");
        break;
      case WORKSPACE_TYPE:
        check(
            doc.path("kind").isTextual()
                && List.of("agency", "client", "standalone").contains(doc.path("kind").asText())
                && doc.path("name").isTextual(),
            at + ".kind",
            at + " must have a name and a kind (agency, client or standalone).");
        break;
      case Authenticator.HASH_TYPE:
        check(doc.path("sha256").isTextual(), at + ".sha256", at + ".sha256 must be a string.");
        break;
      case IdempotencyCache.TYPE:
        instant(doc.path("claimed_at"), at + ".claimed_at");
        check(
            doc.path("operation").isTextual() && doc.has("body"),
            at + ".operation",
            at + " must have operation and body.");
        JsonNode refusal = doc.path("refusal");
        JsonNode response = doc.path("response");
        boolean ok =
            refusal.isObject()
                ? refusal.path("status").isInt()
                    && refusal.path("type").isTextual()
                    && refusal.path("code").isTextual()
                    && refusal.path("message").isTextual()
                : response.path("status").isInt()
                    && response.path("content_type").isTextual()
                    && response.path("body").isTextual()
                    && response.path("headers").isObject();
        check(
            ok,
            at + (refusal.isObject() ? ".refusal" : ".response"),
            at
                + " must hold a stored response (status, content_type, body, headers) or a refusal.");
        break;
      default:
        break;
    }
    return (ObjectNode) doc;
  }

  private static Instant instant(JsonNode node, String at) {
    check(node.isTextual(), at, at + " must be an RFC 3339 date-time.");
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeException e) {
      throw new SnapshotException("parameter_invalid", at + " must be an RFC 3339 date-time.", at);
    }
  }

  private static Instant claimedAt(ObjectNode idempotencyRecord) {
    return Instant.parse(idempotencyRecord.get("claimed_at").asText());
  }

  private static void check(boolean ok, String param, String message) {
    if (!ok) {
      throw new SnapshotException("parameter_invalid", message, param);
    }
  }
}
