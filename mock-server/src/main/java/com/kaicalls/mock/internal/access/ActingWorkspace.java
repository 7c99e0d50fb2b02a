package com.kaicalls.mock.internal.access;

import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.api.Principal;

/**
 * The {@code KaiCalls-Workspace} rule, applied once per {@code /v1} request by the pipeline: an
 * agency key may act inside one of its own client workspaces; any other target, and any use of the
 * header by a client or standalone key, is the same 404, whether or not that workspace exists.
 */
public final class ActingWorkspace {

  private final Workspaces workspaces;

  /** The rule over the emulator's {@code workspaces}. */
  public ActingWorkspace(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  /**
   * Returns the caller as it acts: {@code key} itself without the header, else {@code key} acting
   * in the named client workspace.
   *
   * @param header the {@code KaiCalls-Workspace} value, or {@code null} when not sent
   * @throws ApiException 404 {@code resource_missing} naming {@code KaiCalls-Workspace} for a
   *     workspace the key may not act in
   */
  public Principal resolve(Principal key, String header) {
    if (header == null) {
      return key;
    }
    String target = header.trim();
    if (!workspaces.mayActIn(key.keyWorkspaceId(), target)) {
      throw new ApiException(
          404,
          "not_found",
          "resource_missing",
          "No workspace with id `" + target + "` that this key may act in.",
          Workspaces.HEADER);
    }
    return key.actingIn(target);
  }
}
