package com.kaicalls.mock.internal.api;

import java.util.Set;

/** The authenticated caller: the key's workspace, id and scopes. */
public record Principal(String workspaceId, String keyId, Set<String> scopes) {}
