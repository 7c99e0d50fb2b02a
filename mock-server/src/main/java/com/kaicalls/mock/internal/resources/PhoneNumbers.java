package com.kaicalls.mock.internal.resources;

/**
 * Phone numbers of the emulated workspaces themselves (recipients' test numbers are in {@code
 * TestNumbers}).
 */
public final class PhoneNumbers {

  /**
   * The line every workspace's calls and texts come from, and the demo practice's inbound calls
   * reach.
   */
  public static final String WORKSPACE = "+14155550199";

  private PhoneNumbers() {}
}
