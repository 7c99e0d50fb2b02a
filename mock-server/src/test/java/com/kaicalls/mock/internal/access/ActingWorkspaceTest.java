package com.kaicalls.mock.internal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.api.Principal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code KaiCalls-Workspace} rule with two agencies, which the demo seed does not have. */
class ActingWorkspaceTest {

  private final Workspaces workspaces = new Workspaces();
  private final ActingWorkspace acting = new ActingWorkspace(workspaces);

  ActingWorkspaceTest() {
    workspaces.add(new Workspaces.Workspace("ws_a", "Agency A", Workspaces.Kind.AGENCY, null));
    workspaces.add(new Workspaces.Workspace("ws_a1", "A's client", Workspaces.Kind.CLIENT, "ws_a"));
    workspaces.add(new Workspaces.Workspace("ws_b", "Agency B", Workspaces.Kind.AGENCY, null));
    workspaces.add(new Workspaces.Workspace("ws_b1", "B's client", Workspaces.Kind.CLIENT, "ws_b"));
  }

  private static Principal keyOf(String workspace) {
    return new Principal(workspace, "key_1", Set.of("leads:read"));
  }

  @Test
  void anAgencyKeyActsInItsOwnClientWithItsOwnScopes() {
    Principal resolved = acting.resolve(keyOf("ws_a"), "ws_a1");

    assertThat(resolved.workspaceId()).isEqualTo("ws_a1");
    assertThat(resolved.keyWorkspaceId()).isEqualTo("ws_a");
    assertThat(resolved.scopes()).containsExactly("leads:read");
    assertThat(resolved.acting()).isTrue();
  }

  @Test
  void withoutTheHeaderTheKeyActsInItsOwnWorkspace() {
    Principal key = keyOf("ws_a");

    assertThat(acting.resolve(key, null)).isSameAs(key);
    assertThat(key.acting()).isFalse();
  }

  @Test
  void anotherAgencysClientIsTheSame404AsAnUnknownWorkspace() {
    ApiException otherAgencys = refusal("ws_a", "ws_b1");
    ApiException unknown = refusal("ws_a", "ws_b2");

    assertThat(otherAgencys.status).isEqualTo(404);
    assertThat(otherAgencys.code).isEqualTo("resource_missing");
    assertThat(otherAgencys.param).isEqualTo("KaiCalls-Workspace");
    assertThat(otherAgencys.getMessage().replace("ws_b1", "ws_b2")).isEqualTo(unknown.getMessage());
  }

  @Test
  void anAgencyCannotActInAnotherAgency() {
    assertThat(refusal("ws_a", "ws_b").status).isEqualTo(404);
  }

  private ApiException refusal(String keyWorkspace, String target) {
    ApiException refused =
        catchThrowableOfType(ApiException.class, () -> acting.resolve(keyOf(keyWorkspace), target));
    assertThat(refused).as(keyWorkspace + " -> " + target).isNotNull();
    return refused;
  }
}
