package com.kaicalls.mock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for communication-run tests. */
final class Runs {

  private Runs() {}

  static Map<String, Object> body(String agentId, String... phones) {
    List<Map<String, Object>> recipients = new ArrayList<>();
    for (String phone : phones) {
      recipients.add(new LinkedHashMap<>(Map.of("phone", phone, "first_name", "Sam")));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Reminders");
    body.put("agent_id", agentId);
    body.put("channel", "voice");
    body.put("recipients", recipients);
    return body;
  }

  static String agent(ApiClient client) {
    return client.get("/v1/agents").json().path("data").get(0).path("id").asText();
  }

  static Map<String, String> key(String key) {
    return Map.of("Idempotency-Key", key);
  }
}
