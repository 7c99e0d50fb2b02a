package com.kaicalls.spring.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The example application of the starter's README: a Spring MVC app that receives KaiCalls webhooks
 * at {@code POST /kaicalls/webhooks} and handles them in {@link CallLog}. Run it with
 *
 * <pre>
 * KAICALLS_API_KEY=kc_test_... KAICALLS_WEBHOOKS_SECRETS=whsec_... java ... ReceptionistApplication
 * </pre>
 *
 * (or the {@code kaicalls.*} properties in {@code application.yml}). {@code WebhookEndToEndTest}
 * runs it against the emulator.
 */
@SpringBootApplication
public class ReceptionistApplication {

  /**
   * Starts the application.
   *
   * @param args Spring Boot arguments, e.g. {@code --kaicalls.webhooks.secrets=whsec_...}
   */
  public static void main(String[] args) {
    SpringApplication.run(ReceptionistApplication.class, args);
  }
}
