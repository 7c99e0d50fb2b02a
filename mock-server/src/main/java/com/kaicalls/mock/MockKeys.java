package com.kaicalls.mock;

/**
 * The emulator's workspaces that have full-scope API keys, and those keys ({@code GET
 * /__admin/kaicalls/keys}).
 *
 * @param demoWorkspaceId the demo workspace, {@code ws_demo} (a client of the agency)
 * @param demoApiKey its full-scope key
 * @param otherWorkspaceId the second workspace, for isolation tests, {@code ws_other}
 * @param otherApiKey its full-scope key
 * @param agencyWorkspaceId the demo agency, {@code ws_agency} ({@code null} from an emulator older
 *     than agencies)
 * @param agencyApiKey its full-scope key ({@code null} likewise)
 */
public record MockKeys(
    String demoWorkspaceId,
    String demoApiKey,
    String otherWorkspaceId,
    String otherApiKey,
    String agencyWorkspaceId,
    String agencyApiKey) {

  /** The keys of the demo and the other workspace only (as before agencies). */
  public MockKeys(
      String demoWorkspaceId, String demoApiKey, String otherWorkspaceId, String otherApiKey) {
    this(demoWorkspaceId, demoApiKey, otherWorkspaceId, otherApiKey, null, null);
  }
}
