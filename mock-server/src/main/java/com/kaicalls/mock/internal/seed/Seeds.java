package com.kaicalls.mock.internal.seed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.access.Authenticator;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.resources.ApiKeyHandlers;
import com.kaicalls.mock.internal.resources.Collections;
import com.kaicalls.mock.internal.resources.RecordingAudio;
import com.kaicalls.mock.internal.resources.WorkspaceDocument;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import com.kaicalls.mock.internal.webhooks.WebhookHandlers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the emulator starts (and resets) from: the agency with its two client workspaces (the demo
 * workspace one of them) and the unrelated standalone workspace, with this server's full-scope
 * keys, plus the demo data when asked; or a seed snapshot, read here from a file or a classpath
 * resource and loaded by the emulator, whose keys {@link #keepKeys()} keeps valid.
 */
public final class Seeds {

  private static final String DEMO_KEY_ID = "key_demo_full";
  private static final String DEMO_KEY_NAME = "Demo full-scope key";
  private static final String OTHER_KEY_ID = "key_other_full";
  private static final String OTHER_KEY_NAME = "Other workspace full-scope key";
  private static final String AGENCY_KEY_ID = "key_agency_full";
  private static final String AGENCY_KEY_NAME = "Agency full-scope key";

  /**
   * The seed's workspaces: the demo workspace and the unrelated standalone one (first, in the order
   * snapshots have always listed them), the agency, and its second client.
   */
  private static final List<Workspaces.Workspace> BUILT_IN =
      List.of(
          new Workspaces.Workspace(
              Workspaces.DEMO_ID,
              "Bright Smile Dental (demo)",
              Workspaces.Kind.CLIENT,
              Workspaces.AGENCY_ID),
          new Workspaces.Workspace(Workspaces.OTHER_ID, "Northside Plumbing (isolation)"),
          new Workspaces.Workspace(
              Workspaces.AGENCY_ID, "Northwind Growth Agency", Workspaces.Kind.AGENCY, null),
          new Workspaces.Workspace(
              Workspaces.SECOND_CLIENT_ID,
              "Lakeside Roofing",
              Workspaces.Kind.CLIENT,
              Workspaces.AGENCY_ID));

  /**
   * The ids of the seed's workspaces, in snapshot order (any other one was created through the
   * API).
   */
  public static final List<String> BUILT_IN_IDS =
      BUILT_IN.stream().map(Workspaces.Workspace::id).toList();

  /** When the seed's workspaces and keys were made: a month before the demo's "now". */
  private static final Instant CREATED_AT = DemoSeed.T0.minusSeconds(86400L * 30);

  /** A seed snapshot's bytes and the name its failures give ({@code classpath:} for a resource). */
  public record Snapshot(byte[] bytes, String name) {}

  private final Store store;
  private final Ledger ledger;
  private final Ids ids;
  private final RecordingAudio recordingAudio;
  private final WebhookHandlers webhooks;
  private final Authenticator auth;
  private final Workspaces workspaces;
  private final List<String> scopes;
  private final String demoApiKey;
  private final String otherApiKey;
  private final String agencyApiKey;
  private final boolean demoData;

  /**
   * {@code scopes}: every scope the spec defines (the full-scope keys hold them all); {@code
   * demoData}: whether a fresh state gets the demo story or only workspaces and keys.
   */
  public Seeds(
      Store store,
      Ledger ledger,
      Ids ids,
      RecordingAudio recordingAudio,
      WebhookHandlers webhooks,
      Authenticator auth,
      Workspaces workspaces,
      List<String> scopes,
      String demoApiKey,
      String otherApiKey,
      String agencyApiKey,
      boolean demoData) {
    this.store = store;
    this.ledger = ledger;
    this.ids = ids;
    this.recordingAudio = recordingAudio;
    this.webhooks = webhooks;
    this.auth = auth;
    this.workspaces = workspaces;
    this.scopes = List.copyOf(scopes);
    this.demoApiKey = demoApiKey;
    this.otherApiKey = otherApiKey;
    this.agencyApiKey = agencyApiKey;
    this.demoData = demoData;
  }

  /**
   * The seed snapshot named by a file or a classpath resource, or {@code null} when neither is
   * given.
   *
   * @throws IllegalStateException with a one-line message when it cannot be found or read
   */
  public static Snapshot read(Path file, String classpathResource) {
    if (file != null) {
      try {
        return new Snapshot(Files.readAllBytes(file), file.toString());
      } catch (IOException e) {
        throw new IllegalStateException(
            "The seed snapshot " + file.toAbsolutePath() + " cannot be read: " + e, e);
      }
    }
    if (classpathResource == null) {
      return null;
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    String name =
        classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource;
    try (InputStream in =
        (loader != null ? loader : Seeds.class.getClassLoader()).getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "The seed snapshot classpath:" + name + " was not found on the classpath.");
      }
      return new Snapshot(in.readAllBytes(), "classpath:" + classpathResource);
    } catch (IOException e) {
      throw new IllegalStateException(
          "The seed snapshot classpath:" + name + " cannot be read: " + e, e);
    }
  }

  /**
   * Fills an empty state: the workspaces, their keys and, unless the seed is empty, the demo data.
   */
  public void seedFresh() {
    keepWorkspaces();
    addKey(Workspaces.DEMO_ID, DEMO_KEY_ID, DEMO_KEY_NAME, demoApiKey);
    addKey(Workspaces.OTHER_ID, OTHER_KEY_ID, OTHER_KEY_NAME, otherApiKey);
    addKey(Workspaces.AGENCY_ID, AGENCY_KEY_ID, AGENCY_KEY_NAME, agencyApiKey);
    if (demoData) {
      DemoSeed seed = new DemoSeed(store, ledger, ids, recordingAudio, webhooks);
      seed.seedDemo(Workspaces.DEMO_ID);
      seed.seedOther(Workspaces.OTHER_ID);
      // After the two above, so their ids stay what they were before the agency existed.
      seed.seedClient(Workspaces.SECOND_CLIENT_ID);
    }
  }

  /**
   * Registers every workspace: the seed's, then the documents stored in the partitions of the
   * seed's top-level workspaces (clients created through the API, and any renamed since).
   */
  private void registerWorkspaces() {
    BUILT_IN.forEach(workspaces::add);
    for (Workspaces.Workspace root : BUILT_IN) {
      if (root.parentId() == null) {
        store
            .all(root.id(), Collections.WORKSPACE)
            .forEach(doc -> workspaces.add(WorkspaceDocument.workspace(doc)));
      }
    }
  }

  /**
   * Stores the document of each of the seed's workspaces that has none (a fresh state, or a journal
   * or snapshot from before agencies), then registers every workspace; call inside a transaction.
   */
  public void keepWorkspaces() {
    for (Workspaces.Workspace workspace : BUILT_IN) {
      String partition = WorkspaceDocument.storedIn(workspace);
      if (store.get(partition, Collections.WORKSPACE, workspace.id()) == null) {
        store.put(
            partition, Collections.WORKSPACE, WorkspaceDocument.of(workspace, CREATED_AT).build());
      }
    }
    registerWorkspaces();
  }

  /** Keeps this server's own keys valid whatever keys a loaded snapshot was taken with. */
  public void keepKeys() {
    keepKey(Workspaces.DEMO_ID, DEMO_KEY_ID, DEMO_KEY_NAME, demoApiKey);
    keepKey(Workspaces.OTHER_ID, OTHER_KEY_ID, OTHER_KEY_NAME, otherApiKey);
    keepKey(Workspaces.AGENCY_ID, AGENCY_KEY_ID, AGENCY_KEY_NAME, agencyApiKey);
  }

  private void keepKey(String workspace, String id, String name, String secret) {
    ObjectNode key = store.get(workspace, ApiKeyHandlers.TYPE, id);
    if (key == null) {
      addKey(workspace, id, name, secret);
      return;
    }
    ObjectNode hash = store.get(workspace, Authenticator.HASH_TYPE, id);
    if (hash == null || !Authenticator.sha256(secret).equals(hash.path("sha256").asText())) {
      auth.register(workspace, key, secret);
      store.put(workspace, ApiKeyHandlers.TYPE, key);
    }
  }

  private void addKey(String workspace, String id, String name, String secret) {
    ArrayNode keyScopes = Json.array(scopes);
    ObjectNode key = ApiKeyHandlers.newKey(id, workspace, name, keyScopes, CREATED_AT, null);
    auth.register(workspace, key, secret);
    store.put(workspace, ApiKeyHandlers.TYPE, key);
  }
}
