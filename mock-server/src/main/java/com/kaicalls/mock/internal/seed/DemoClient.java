package com.kaicalls.mock.internal.seed;

import com.kaicalls.mock.internal.resources.CallDocument;
import com.kaicalls.mock.internal.resources.Collections;
import com.kaicalls.mock.internal.resources.LeadDocument;
import java.time.Instant;
import java.util.List;

/**
 * The agency's second client, Lakeside Roofing: its two agents, and one storm-damage caller (lead
 * and answered call), so that an agency acting in either client sees different data.
 */
final class DemoClient {

  private static final String BUSINESS = "Lakeside Roofing";
  private static final String CREATED_BY = "ops@northwind-growth.example";

  /** Answers the roofer's inbound calls. */
  static final DemoStory.Agent RECEPTION =
      new DemoStory.Agent(
          "Roofing Reception",
          "Answers inbound calls and books roof inspections.",
          "aria",
          -35000,
          -35000,
          List.of(
              new DemoStory.ConfigVersion(
                  -35000,
                  "You answer calls for " + BUSINESS + ". Ask about leaks first.",
                  "Thanks for calling " + BUSINESS + ", how can we help?",
                  "aria",
                  "kai-voice-2",
                  List.of("Is water coming in right now?", "What is the property's address?"),
                  List.of("book_appointment"),
                  CREATED_BY)));

  /** Calls back homeowners who asked for an estimate. */
  static final DemoStory.Agent ESTIMATES =
      new DemoStory.Agent(
          "Estimate Follow-up",
          "Calls back homeowners who asked for a roofing estimate.",
          "miles",
          -34000,
          -34000,
          List.of(
              new DemoStory.ConfigVersion(
                  -34000,
                  "You follow up on roofing estimates for " + BUSINESS + ". Be brief.",
                  "Hi, this is Miles from " + BUSINESS + " about your estimate.",
                  "miles",
                  "kai-voice-2",
                  List.of(),
                  List.of("book_appointment"),
                  CREATED_BY)));

  private final SeedWriter seed;

  DemoClient(SeedWriter seed) {
    this.seed = seed;
  }

  /** Seeds the caller, answered by agent {@code receptionId} at its first config version. */
  void seed(String ws, String receptionId) {
    String lead = seed.id(LeadDocument.ID_PREFIX);
    String caller = "+16125550177";
    Instant calledAt = DemoSeed.at(-600);
    seed.save(
        ws,
        Collections.LEAD,
        LeadDocument.of(lead, calledAt)
            .firstName("Noah")
            .lastName("Fischer")
            .phone(caller)
            .status("qualified")
            .qualified(true)
            .qualificationNotes("Storm damage over the garage; water coming in.")
            .source("inbound_call")
            .updatedAt(DemoSeed.at(-596))
            .build(),
        "lead.created",
        calledAt);
    seed.save(
        ws,
        Collections.CALL,
        CallDocument.of(seed.id(CallDocument.ID_PREFIX), calledAt)
            .direction("inbound")
            .status("completed")
            .from(caller)
            .to("+16125550100")
            .leadId(lead)
            .agentId(receptionId)
            .agentConfigVersion(1)
            .startedAt(calledAt)
            .answeredAt(calledAt)
            .endedAt(DemoSeed.at(-596))
            .durationSeconds(240)
            .summary("Storm damage over the garage; inspection wanted tomorrow morning.")
            .outcome("answered")
            .build(),
        "call.completed",
        DemoSeed.at(-596));
  }
}
