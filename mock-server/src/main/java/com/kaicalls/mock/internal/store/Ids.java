package com.kaicalls.mock.internal.store;

import java.util.Random;

/**
 * Generates prefixed ids in creation order ({@code run_0000002Bx9QmT4kLpR7s}): a fixed-width base62
 * sequence then random characters from a seeded {@link Random}, so a fresh emulator produces the
 * same ids every time and ids sort like their creation.
 */
public final class Ids {

  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private final long seed;
  private Random random;
  private long sequence;

  public Ids(long seed) {
    this.seed = seed;
    reset();
  }

  public synchronized void reset() {
    random = new Random(seed);
    sequence = 0;
  }

  public synchronized long sequence() {
    return sequence;
  }

  /**
   * Continues after {@code sequence} (restart from a journal); later random parts differ from a
   * fresh run.
   */
  public synchronized void restore(long sequence) {
    this.sequence = sequence;
    this.random = new Random(seed * 31 + sequence);
  }

  public synchronized String next(String prefix) {
    StringBuilder id = new StringBuilder(prefix.length() + 20).append(prefix);
    long n = ++sequence;
    char[] seq = new char[8];
    for (int i = 7; i >= 0; i--) {
      seq[i] = BASE62[(int) (n % 62)];
      n /= 62;
    }
    id.append(seq);
    for (int i = 0; i < 12; i++) {
      id.append(BASE62[random.nextInt(62)]);
    }
    return id.toString();
  }

  /** Random base62 characters (not for secrets). */
  public synchronized String random(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(BASE62[random.nextInt(62)]);
    }
    return s.toString();
  }

  public static String base62(java.security.SecureRandom random, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(BASE62[random.nextInt(62)]);
    }
    return s.toString();
  }
}
