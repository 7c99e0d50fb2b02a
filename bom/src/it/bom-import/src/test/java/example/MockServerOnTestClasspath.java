package example;

import com.kaicalls.mock.KaiCallsMockServer;

/** Compiles only if the BOM brought the emulator onto the test classpath. */
final class MockServerOnTestClasspath {
  private MockServerOnTestClasspath() {}

  static Class<?> server() {
    return KaiCallsMockServer.class;
  }
}
