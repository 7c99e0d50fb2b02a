package com.kaicalls.webhooks;

import com.kaicalls.webhooks.WebhookVerificationException.Reason;
import java.util.Arrays;

/**
 * Parses {@code webhook-signature}: entries {@code <version>,<base64>} separated by spaces. Only
 * {@code v1} entries are decoded; other versions are skipped, so that a sender may add a scheme
 * before every receiver knows it.
 */
final class SignatureHeader {

  static final int MAX_LENGTH = HeaderValues.MAX_SIGNATURE_LENGTH;
  static final int MAX_ENTRIES = 32;
  static final int V1_BYTES = 32;

  /** {@code v1,} and 43 base64 characters, the padding being optional. */
  static final int V1_MIN_LENGTH = 46;

  private static final int INVALID = -1;
  private static final int[] SEXTETS = new int[128];

  static {
    Arrays.fill(SEXTETS, INVALID);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      SEXTETS[alphabet.charAt(i)] = i;
    }
  }

  private SignatureHeader() {}

  /**
   * Returns the decoded {@code v1} signatures, possibly none.
   *
   * @throws WebhookVerificationException with {@link Reason#MALFORMED_SIGNATURE} if the header is
   *     too long, has too many entries, an entry without a version, or a {@code v1} entry that is
   *     not the base64 of 32 bytes
   */
  static byte[][] parseV1(String header) {
    int length = header.length();
    if (length > MAX_LENGTH) {
      throw malformed("webhook-signature is longer than " + MAX_LENGTH + " characters");
    }
    // A valid v1 entry takes at least 46 characters and a separator, hence at most this many:
    byte[][] found = new byte[(length + 1) / (V1_MIN_LENGTH + 1)][];
    int count = 0;
    int entries = 0;
    int start = 0;
    while (start < length) {
      if (header.charAt(start) == ' ') {
        start++;
        continue;
      }
      int end = header.indexOf(' ', start);
      if (end < 0) {
        end = length;
      }
      if (++entries > MAX_ENTRIES) {
        throw malformed("webhook-signature holds more than " + MAX_ENTRIES + " signatures");
      }
      int comma = header.indexOf(',', start);
      if (comma <= start || comma >= end) {
        throw malformed("a webhook-signature entry is not of the form <version>,<signature>");
      }
      if (comma - start == 2 && header.charAt(start) == 'v' && header.charAt(start + 1) == '1') {
        found[count++] = decode(header, comma + 1, end); // throws unless 46 or 47 chars long
      }
      start = end;
    }
    return count == found.length ? found : Arrays.copyOf(found, count);
  }

  /**
   * Decodes the standard base64 of exactly 32 bytes at {@code header[from, to)}: 43 alphabet
   * characters and an optional {@code =}, straight from the string.
   */
  static byte[] decode(String header, int from, int to) {
    int length = to - from;
    if (length == 44 && header.charAt(to - 1) == '=') {
      length = 43;
    }
    if (length != 43) {
      throw malformed("a v1 signature is not the base64 of " + V1_BYTES + " bytes");
    }
    byte[] signature = new byte[V1_BYTES];
    int out = 0;
    int at = from;
    // 10 groups of 4 characters give 30 bytes; the last 3 characters give 2 bytes and 2 zero bits.
    for (int group = 0; group < 10; group++) {
      int bits =
          sextet(header.charAt(at)) << 18
              | sextet(header.charAt(at + 1)) << 12
              | sextet(header.charAt(at + 2)) << 6
              | sextet(header.charAt(at + 3));
      if (bits < 0) {
        throw malformed("a v1 signature is not valid base64");
      }
      signature[out++] = (byte) (bits >> 16);
      signature[out++] = (byte) (bits >> 8);
      signature[out++] = (byte) bits;
      at += 4;
    }
    int bits =
        sextet(header.charAt(at)) << 12
            | sextet(header.charAt(at + 1)) << 6
            | sextet(header.charAt(at + 2));
    if (bits < 0 || (bits & 0b11) != 0) {
      throw malformed("a v1 signature is not valid base64");
    }
    signature[out++] = (byte) (bits >> 10);
    signature[out] = (byte) (bits >> 2);
    return signature;
  }

  /**
   * The value of a standard base64 character, or negative: shifted left it stays negative, and any
   * group holding one ORs to a negative number. Branch-free: above U+007F, {@code (127 - c) >> 31}
   * is -1.
   */
  private static int sextet(char c) {
    return SEXTETS[c & 0x7F] | ((127 - c) >> 31);
  }

  private static WebhookVerificationException malformed(String message) {
    return new WebhookVerificationException(Reason.MALFORMED_SIGNATURE, message);
  }
}
