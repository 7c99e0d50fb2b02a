/**
 * <strong>Unsupported: not part of the SDK's API.</strong> The SDK's engine: request building, the
 * retrying transport, error mapping and logging. It is public only because the generated services
 * in {@code com.kaicalls.sdk.services} live in another package and must reach it.
 *
 * <p>Do not call it from your code: any type or method here may change or disappear in any release,
 * patch releases included, with no deprecation. Everything you need is in {@code com.kaicalls.sdk},
 * {@code com.kaicalls.sdk.errors}, {@code com.kaicalls.sdk.models} and {@code
 * com.kaicalls.sdk.services}; if something is missing there, file an issue rather than reaching in
 * here.
 */
package com.kaicalls.sdk.internal;
