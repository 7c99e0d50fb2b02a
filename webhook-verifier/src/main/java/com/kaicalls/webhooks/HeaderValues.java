package com.kaicalls.webhooks;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The three Standard Webhooks header values, read from a header map or a lookup function. Reading
 * never throws: absent, {@code null} and conflicting values are recorded and judged by the
 * verifier.
 */
final class HeaderValues {

  static final String ID = "webhook-id";
  static final String TIMESTAMP = "webhook-timestamp";
  static final String SIGNATURE = "webhook-signature";

  /**
   * Joined signature values longer than this are not accumulated further; the verifier rejects
   * them.
   */
  static final int MAX_SIGNATURE_LENGTH = 8192;

  String id;
  boolean idConflict;
  String timestamp;
  boolean timestampConflict;
  String signature;
  boolean signatureTooLong;

  private HeaderValues() {}

  /** Reads from a lookup function called with the lowercase names; {@code null} means absent. */
  static HeaderValues of(Function<String, String> header) {
    HeaderValues values = new HeaderValues();
    if (header != null) {
      values.id = header.apply(ID);
      values.timestamp = header.apply(TIMESTAMP);
      values.addSignature(header.apply(SIGNATURE));
    }
    return values;
  }

  /**
   * Reads from a header map, matching names case-insensitively. Every value under every spelling of
   * a name counts: {@code webhook-id} and {@code webhook-timestamp} must agree, {@code
   * webhook-signature} values are joined with a space.
   */
  static HeaderValues of(Map<String, List<String>> headers) {
    HeaderValues values = new HeaderValues();
    if (headers == null) {
      return values;
    }
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      List<String> list = header.getValue();
      if (name == null || list == null) {
        continue;
      }
      switch (which(name)) {
        case 0:
          for (String value : list) {
            values.addId(value);
          }
          break;
        case 1:
          for (String value : list) {
            values.addTimestamp(value);
          }
          break;
        case 2:
          for (String value : list) {
            values.addSignature(value);
          }
          break;
        default:
          break;
      }
    }
    return values;
  }

  /**
   * Returns 0, 1 or 2 for the id, timestamp and signature header, in any case, and -1 for any other
   * name. The length and the ninth character pick the one candidate, so that most names cost one
   * comparison.
   */
  private static int which(String name) {
    if (name.length() == ID.length()) {
      return ID.equalsIgnoreCase(name) ? 0 : -1;
    }
    if (name.length() != TIMESTAMP.length()) {
      return -1;
    }
    char ninth = name.charAt(8);
    if (ninth == 't' || ninth == 'T') {
      return TIMESTAMP.equalsIgnoreCase(name) ? 1 : -1;
    }
    return SIGNATURE.equalsIgnoreCase(name) ? 2 : -1;
  }

  private void addId(String value) {
    if (value == null) {
      return;
    }
    if (id == null) {
      id = value;
    } else if (!id.equals(value)) {
      idConflict = true;
    }
  }

  private void addTimestamp(String value) {
    if (value == null) {
      return;
    }
    if (timestamp == null) {
      timestamp = value;
    } else if (!timestamp.equals(value)) {
      timestampConflict = true;
    }
  }

  private void addSignature(String value) {
    if (value == null || signatureTooLong) {
      return;
    }
    if (signature == null) {
      signature = value;
    } else if (signature.length() + 1 + value.length() > MAX_SIGNATURE_LENGTH) {
      signatureTooLong = true;
    } else {
      signature = signature + ' ' + value;
    }
    if (signature.length() > MAX_SIGNATURE_LENGTH) {
      signatureTooLong = true;
    }
  }
}
