/**
 * The SDK's engine: request building, the retrying transport, error mapping and logging. Public only so the
 * generated services can reach it; not part of the supported API and may change in any release.
 */
package com.kaicalls.sdk.internal;
