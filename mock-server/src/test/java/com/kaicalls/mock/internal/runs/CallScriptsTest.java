package com.kaicalls.mock.internal.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.internal.access.Workspaces;
import org.junit.jupiter.api.Test;

/** Simulated calls speak for the business of their own workspace. */
class CallScriptsTest {

  private static CallScripts scriptsFor(String workspaceName) {
    Workspaces workspaces = new Workspaces();
    workspaces.add(new Workspaces.Workspace("ws_1", workspaceName));
    return new CallScripts(workspaces);
  }

  @Test
  void theBusinessIsTheWorkspaceNameWithoutItsNoteInParentheses() {
    CallScripts scripts = scriptsFor("Northside Plumbing (isolation)");

    assertThat(scripts.voicemail("ws_1", "Ava"))
        .isEqualTo("Hi Ava, this is your reminder from Northside Plumbing. Please call us back.");
  }

  @Test
  void theDemoWorkspacesAnsweredCallsReadAsTheyAlwaysHave() {
    CallScripts scripts = scriptsFor("Bright Smile Dental (demo)");

    assertThat(scripts.answered("ws_1", "Sam", true))
        .isEqualTo("Agent: Hi Sam, this is Bright Smile Dental. Contact: Tuesday afternoon works.");
  }
}
