package com.kaicalls.webhooks;

/**
 * The signed content {@code "{id}.{timestamp}.{body}"}, hashed as a short prefix and the body
 * itself, so that the body is never copied.
 */
final class SignedContent {

  static final int MAX_ID_LENGTH = 256;
  static final int MAX_TIMESTAMP_DIGITS = 18;

  private SignedContent() {}

  /**
   * Returns the bytes of {@code "{id}.{timestamp}."}, or {@code null} if the id holds a character
   * outside visible ASCII ({@code !} to {@code ~}). Ids are restricted so that their bytes are the
   * same whichever charset a server used to decode the header (ISO-8859-1 or UTF-8), and no two ids
   * sign alike. The timestamp must be ASCII digits.
   */
  static byte[] prefix(String id, String timestamp) {
    int idLength = id.length();
    int digits = timestamp.length();
    byte[] prefix = new byte[idLength + digits + 2];
    for (int i = 0; i < idLength; i++) {
      char c = id.charAt(i);
      if (c < '!' || c > '~') {
        return null;
      }
      prefix[i] = (byte) c;
    }
    int at = idLength;
    prefix[at++] = '.';
    for (int i = 0; i < digits; i++) {
      prefix[at++] = (byte) timestamp.charAt(i);
    }
    prefix[at] = '.';
    return prefix;
  }

  /**
   * Parses a canonical timestamp: 1 to 18 ASCII digits, no sign, no leading zero (except {@code
   * "0"}). Canonical only, so that the bytes signed are the bytes of the number, as every signer
   * writes them.
   *
   * @return the seconds, or -1 when malformed
   */
  static long parseTimestamp(String timestamp) {
    int length = timestamp.length();
    if (length == 0
        || length > MAX_TIMESTAMP_DIGITS
        || (length > 1 && timestamp.charAt(0) == '0')) {
      return -1;
    }
    long seconds = 0;
    for (int i = 0; i < length; i++) {
      char c = timestamp.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      seconds = seconds * 10 + (c - '0');
    }
    return seconds;
  }
}
