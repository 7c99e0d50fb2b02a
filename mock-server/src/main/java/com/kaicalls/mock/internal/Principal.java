package com.kaicalls.mock.internal;

import java.util.Set;

/** The authenticated caller: the key's workspace, id and scopes. */
record Principal(String workspaceId, String keyId, Set<String> scopes) {}
