package com.kaicalls.mock.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.store.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request body strictly: {@code application/json} only (415 otherwise), one JSON value and
 * nothing after it, no unpaired UTF-16 surrogate in a string, no number a handler cannot hold (an
 * overflowing {@code 1e400}, an integer beyond 64 bits). Each refusal names the field at fault.
 */
final class RequestBody {

  private static final ObjectReader READER =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private RequestBody() {}

  /**
   * Refuses a non-empty body that is not declared JSON. A body without a {@code Content-Type} is
   * refused too: that is what a cross-site page can send without asking the browser first.
   */
  static void checkContentType(String contentType) {
    String type =
        contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    boolean json = type.equals("application/json");
    if (json && contentType.contains(";")) {
      String params =
          contentType.substring(contentType.indexOf(';') + 1).trim().toLowerCase(Locale.ROOT);
      json = params.isEmpty() || params.replace(" ", "").matches("charset=\"?utf-8\"?");
    }
    if (!json) {
      throw new ApiException(
          415,
          "invalid_request",
          "unsupported_media_type",
          "Request bodies must be JSON, sent "
              + "with 'Content-Type: application/json'"
              + (contentType == null
                  ? "; this request has no Content-Type."
                  : "; this request has '" + contentType + "'."),
          "Content-Type");
    }
  }

  /** The parsed body. */
  static JsonNode parse(byte[] raw) {
    JsonNode body;
    try {
      body = READER.readTree(raw);
    } catch (JsonProcessingException e) {
      String what =
          e.getMessage() != null && e.getMessage().contains("Trailing token")
              ? "The request body has data after its JSON value."
              : "The request body is not valid JSON.";
      throw ApiException.invalid("invalid_json", what, null);
    } catch (IOException e) {
      throw ApiException.invalid("invalid_json", "The request body is not valid JSON.", null);
    }
    if (body == null || body.isMissingNode()) {
      throw ApiException.invalid("invalid_json", "The request body is not valid JSON.", null);
    }
    check(body, "");
    return body;
  }

  private static void check(JsonNode node, String path) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (unpairedSurrogate(field.getKey())) {
          throw ApiException.invalid(
              "parameter_invalid",
              "A field name contains an unpaired UTF-16 surrogate.",
              orNull(path));
        }
        check(field.getValue(), child);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isTextual()) {
      if (unpairedSurrogate(node.textValue())) {
        throw ApiException.invalid(
            "parameter_invalid",
            path + ": contains an unpaired UTF-16 surrogate (not valid Unicode text).",
            orNull(path));
      }
    } else if (node.isBigInteger()
        || ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue()))) {
      throw ApiException.invalid(
          "parameter_invalid", path + ": the number is out of range.", orNull(path));
    }
  }

  private static String orNull(String path) {
    return path.isEmpty() ? null : path;
  }

  private static boolean unpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
