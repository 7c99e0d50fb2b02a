package com.kaicalls.mock;

import java.time.Instant;

/**
 * One entry of the emulator's request log ({@code GET /__admin/kaicalls/requests}). Bodies are the
 * JSON text of the logged value (a JSON document, or a string when the body was not JSON or was
 * cut), with secrets masked ({@code kc_test_…3hJ}, {@code whsec_…3xQ}).
 *
 * @param id the entry's id (the request id)
 * @param time when the request was answered (wall-clock time, not virtual)
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the query string, or {@code null}
 * @param status the status answered
 * @param keyId the API key's id, or {@code null} when the request was not authenticated
 * @param workspaceId the key's workspace, or {@code null}
 * @param requestId the {@code Request-Id} answered
 * @param idempotencyKey the {@code Idempotency-Key} sent, or {@code null}
 * @param idempotentReplayed whether a stored response was replayed
 * @param durationMs how long the emulator took
 * @param requestBody the request body as JSON text, or {@code null} when empty
 * @param responseBody the response body as JSON text, or {@code null} when empty
 * @param truncated whether a body was longer than 16 KB and cut (then logged as a string)
 */
public record LoggedRequest(
    String id,
    Instant time,
    String method,
    String path,
    String query,
    int status,
    String keyId,
    String workspaceId,
    String requestId,
    String idempotencyKey,
    boolean idempotentReplayed,
    long durationMs,
    String requestBody,
    String responseBody,
    boolean truncated) {}
