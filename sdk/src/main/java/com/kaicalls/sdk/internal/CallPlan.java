package com.kaicalls.sdk.internal;

import com.kaicalls.sdk.RequestOptions;
import okhttp3.HttpUrl;

/**
 * The fixed parts of one logical call, made once and reused by every attempt, blocking or
 * asynchronous.
 */
final class CallPlan {
  final ApiRequest request;
  final RequestOptions options;
  final String idempotencyKey;
  final boolean repeatable;
  final int budget;
  final String bodyJson;
  final HttpUrl url;

  CallPlan(
      ApiRequest request,
      RequestOptions options,
      String idempotencyKey,
      int budget,
      String bodyJson,
      HttpUrl url) {
    this.request = request;
    this.options = options;
    this.idempotencyKey = idempotencyKey;
    // A GET, or a POST with a key, cannot act twice however often it is sent.
    this.repeatable = !request.method().equals("POST") || idempotencyKey != null;
    this.budget = budget;
    this.bodyJson = bodyJson;
    this.url = url;
  }
}
