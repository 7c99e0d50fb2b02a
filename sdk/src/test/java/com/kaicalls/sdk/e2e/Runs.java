package com.kaicalls.sdk.e2e;

import com.kaicalls.sdk.models.Channel;
import com.kaicalls.sdk.models.CreateCommunicationRunRequest;
import com.kaicalls.sdk.models.Recipient;

/** Communication runs for end-to-end tests. */
final class Runs {
  private Runs() {}

  static CreateCommunicationRunRequest voiceRun(String agentId, String... phones) {
    CreateCommunicationRunRequest.Builder run =
        CreateCommunicationRunRequest.builder()
            .name("Spring HVAC tune-up reminders")
            .agentId(agentId)
            .channel(Channel.VOICE)
            .maxAttempts(2);
    for (String phone : phones)
      run.addRecipient(Recipient.builder().phone(phone).firstName("Dana").build());
    return run.build();
  }
}
