package com.kaicalls.mock.junit;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.Seed;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a KaiCalls emulator on a random port, reset before each test; test
 * methods receive the {@link com.kaicalls.mock.KaiCallsMockServer} as a parameter. For options,
 * register a {@link KaiCallsMockExtension} built with its builder instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KaiCallsMockExtension.class)
public @interface KaiCallsMockTest {
  /** The seed every test starts from. */
  Seed seed() default Seed.DEMO;

  /**
   * {@link ClockMode#MANUAL} to move time only with {@code advanceClock}: nothing happens between
   * advances.
   */
  ClockMode clock() default ClockMode.REALTIME;

  /** Where virtual time starts (RFC 3339), or empty for now. */
  String startTime() default "";

  /**
   * A classpath resource holding a snapshot to start from instead of the {@link #seed()} (e.g.
   * {@code "fixtures/two-runs.json"}, saved with {@code KaiCallsMockAdmin.saveSnapshot}); each test
   * is reset to it. Empty for none.
   */
  String snapshot() default "";
}
