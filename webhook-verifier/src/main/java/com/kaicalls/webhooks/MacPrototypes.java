package com.kaicalls.webhooks;

import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One initialised HMAC-SHA256 {@link Mac} per key, never used directly: each computation works on a
 * clone.
 *
 * <p>A {@code Mac} is not thread-safe and costs a provider look-up plus key set-up to create, whereas a
 * clone is a few array copies. Each prototype has already absorbed the inner key pad (an empty {@code
 * update} makes HMAC hash {@code key ^ ipad} first), so a clone starts one SHA-256 block ahead of a
 * freshly initialised or reset {@code Mac}, which pays for the clone. No pool and no {@code
 * ThreadLocal}: nothing is pinned to pooled threads, nor created per virtual thread.
 *
 * <p>The prototypes are never mutated after construction, so concurrent clones read a stable state;
 * instances are safely published through the {@code final} fields of their owners.
 */
final class MacPrototypes {

  private static final byte[] EMPTY = new byte[0];

  private final List<SecretKeySpec> keys;
  private final Mac[] prototypes;

  MacPrototypes(List<SecretKeySpec> keys) {
    this.keys = keys;
    this.prototypes = new Mac[keys.size()];
    for (int i = 0; i < prototypes.length; i++) {
      Mac mac = newMac(keys.get(i));
      mac.update(EMPTY);
      prototypes[i] = mac;
    }
  }

  /** Number of keys. */
  int size() {
    return prototypes.length;
  }

  /** Returns a {@code Mac} of key {@code index}, ready for {@code update}, for one computation only. */
  Mac get(int index) {
    try {
      return (Mac) prototypes[index].clone();
    } catch (CloneNotSupportedException e) {
      return newMac(keys.get(index)); // a provider whose Mac cannot be cloned: slower, still correct
    }
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(Secrets.ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is required of every Java platform; the message names no key material.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
