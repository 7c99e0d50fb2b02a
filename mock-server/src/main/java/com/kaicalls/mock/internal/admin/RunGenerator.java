package com.kaicalls.mock.internal.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.runs.RunHandlers;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import com.kaicalls.mock.internal.store.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates runs in bulk for {@code POST /__admin/kaicalls/communication-runs/generate}, through the
 * normal create path.
 */
public final class RunGenerator {

  private final Transactions tx;
  private final Store store;
  private final Ledger ledger;
  private final Ids ids;
  private final Clock clock;
  private final RunHandlers runs;

  public RunGenerator(
      Transactions tx, Store store, Ledger ledger, Ids ids, Clock clock, RunHandlers runs) {
    this.tx = tx;
    this.store = store;
    this.ledger = ledger;
    this.ids = ids;
    this.clock = clock;
    this.runs = runs;
  }

  /**
   * Creates {@code count} one-recipient runs in a workspace, as one transaction; returns their ids.
   */
  public List<String> generate(String workspaceId, int count) {
    return tx.call(
        () -> {
          ObjectNode agent =
              store.all(workspaceId, "agent").stream()
                  .findFirst()
                  .orElseGet(() -> generatedAgent(workspaceId));
          String agentId = agent.get("id").asText();
          List<String> created = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            ObjectNode body = Json.object();
            body.put("name", "Generated run " + (i + 1));
            body.put("agent_id", agentId);
            body.put("channel", "voice");
            body.putArray("recipients")
                .addObject()
                .put("phone", String.format("+1415%07d", 2000000 + i));
            created.add(runs.create(workspaceId, body, List.of()).get("id").asText());
          }
          return created;
        });
  }

  private ObjectNode generatedAgent(String workspaceId) {
    String now = Json.time(clock.instant());
    ObjectNode agent = Json.object();
    agent.put("id", ids.next("agent_"));
    agent.put("object", "agent");
    agent.put("name", "Generated agent");
    agent.put("description", "Created by /__admin/kaicalls/communication-runs/generate.");
    agent.put("voice", "aria");
    agent.put("language", "en-US");
    agent.put("current_config_version", 1);
    agent.put("status", "active");
    agent.put("created_at", now);
    agent.put("updated_at", now);
    ledger.save(workspaceId, "agent", agent);
    return agent;
  }
}
