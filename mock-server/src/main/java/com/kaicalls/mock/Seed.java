package com.kaicalls.mock;

/** Which data the emulator starts with (and returns to on {@link KaiCallsMockServer#reset()}). */
public enum Seed {
  /** A realistic demo workspace plus a second workspace for isolation tests. */
  DEMO,
  /** Both workspaces and their keys, with no other objects. */
  EMPTY
}
