package com.kaicalls.mock.internal.api;

import java.util.Set;

/**
 * The authenticated caller.
 *
 * @param workspaceId the workspace the request acts in: the key's own, or the client workspace an
 *     agency key named in {@code KaiCalls-Workspace}; every handler reads and writes only this one
 * @param keyId the key's id
 * @param scopes the key's scopes (the same whichever workspace it acts in)
 * @param keyWorkspaceId the workspace the key belongs to
 */
public record Principal(
    String workspaceId, String keyId, Set<String> scopes, String keyWorkspaceId) {

  /** A caller acting in its key's own workspace. */
  public Principal(String workspaceId, String keyId, Set<String> scopes) {
    this(workspaceId, keyId, scopes, workspaceId);
  }

  /** Returns whether the request acts in a client workspace rather than the key's own. */
  public boolean acting() {
    return !workspaceId.equals(keyWorkspaceId);
  }

  /** Returns this caller acting in {@code clientWorkspaceId}. */
  public Principal actingIn(String clientWorkspaceId) {
    return new Principal(clientWorkspaceId, keyId, scopes, keyWorkspaceId);
  }
}
