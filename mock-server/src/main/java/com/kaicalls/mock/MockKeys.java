package com.kaicalls.mock;

/**
 * The emulator's two workspaces and their full-scope API keys ({@code GET /__admin/kaicalls/keys}).
 *
 * @param demoWorkspaceId the demo workspace, {@code ws_demo}
 * @param demoApiKey its full-scope key
 * @param otherWorkspaceId the second workspace, for isolation tests, {@code ws_other}
 * @param otherApiKey its full-scope key
 */
public record MockKeys(
    String demoWorkspaceId, String demoApiKey, String otherWorkspaceId, String otherApiKey) {}
