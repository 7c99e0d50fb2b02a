package com.kaicalls.mock.internal.runs;

import com.kaicalls.mock.internal.access.Workspaces;
import java.util.regex.Pattern;

/**
 * What the simulated calls and messages of a run say, in the name of the workspace's business: its
 * workspace name without a trailing note in parentheses ({@code "Bright Smile Dental (demo)"}
 * speaks for Bright Smile Dental).
 */
public final class CallScripts {

  private static final Pattern NOTE = Pattern.compile("\\s*\\([^()]*\\)$");

  private final Workspaces workspaces;

  /** Scripts speaking for the businesses of {@code workspaces}. */
  public CallScripts(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  /** The business a workspace's agents speak for. */
  String business(String ws) {
    Workspaces.Workspace workspace = workspaces.get(ws);
    return workspace == null ? "your provider" : NOTE.matcher(workspace.name()).replaceFirst("");
  }

  /** The voicemail an agent leaves for {@code firstName}. */
  String voicemail(String ws, String firstName) {
    return "Hi "
        + firstName
        + ", this is your reminder from "
        + business(ws)
        + ". Please call us back.";
  }

  /** The transcript of an answered call, where the contact books or declines. */
  String answered(String ws, String firstName, boolean books) {
    return "Agent: Hi "
        + firstName
        + ", this is "
        + business(ws)
        + ". "
        + (books ? "Contact: Tuesday afternoon works." : "Contact: Thanks, not right now.");
  }

  /** The summary of an answered call. */
  static String summary(String firstName, boolean books) {
    return books
        ? firstName + " qualified and booked an appointment."
        : "Talked with " + firstName + ".";
  }

  /** What the contact of the replying test number texts back. */
  static String reply() {
    return "Yes please! Can you call me tomorrow?";
  }
}
