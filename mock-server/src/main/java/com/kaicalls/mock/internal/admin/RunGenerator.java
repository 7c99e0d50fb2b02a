package com.kaicalls.mock.internal.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.documents.AgentDocument;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.runs.RunHandlers;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import com.kaicalls.mock.internal.store.Transactions;
import java.time.Clock;
import java.time.Instant;
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
              store.all(workspaceId, Collections.AGENT).stream()
                  .findFirst()
                  .orElseGet(() -> generatedAgent(workspaceId));
          String agentId = agent.get(Fields.ID).asText();
          List<String> created = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            ObjectNode body = Json.object();
            body.put(Fields.NAME, "Generated run " + (i + 1));
            body.put(Fields.AGENT_ID, agentId);
            body.put(Fields.CHANNEL, "voice");
            body.putArray(Fields.RECIPIENTS)
                .addObject()
                .put(Fields.PHONE, String.format("+1415%07d", 2000000 + i));
            created.add(runs.create(workspaceId, body, List.of()).get(Fields.ID).asText());
          }
          return created;
        });
  }

  private ObjectNode generatedAgent(String workspaceId) {
    Instant now = clock.instant();
    ObjectNode agent =
        AgentDocument.of(ids.next(AgentDocument.ID_PREFIX), now)
            .name("Generated agent")
            .description("Created by /__admin/kaicalls/communication-runs/generate.")
            .voice("aria")
            .language("en-US")
            .currentConfigVersion(1)
            .status("active")
            .updatedAt(now)
            .build();
    ledger.save(workspaceId, Collections.AGENT, agent);
    return agent;
  }
}
