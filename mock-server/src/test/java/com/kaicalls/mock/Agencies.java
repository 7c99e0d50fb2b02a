package com.kaicalls.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the agency tests share: the header and reading a list's ids. */
final class Agencies {

  /** The header an agency key acts in a client workspace with. */
  static final String HEADER = "KaiCalls-Workspace";

  private Agencies() {}

  /** The header naming {@code workspace}. */
  static Map<String, String> actingIn(String workspace) {
    return Map.of(HEADER, workspace);
  }

  /** The ids of a list response's {@code data}, in order. */
  static List<String> ids(ApiClient.Reply list) {
    List<String> ids = new ArrayList<>();
    list.json().path("data").forEach(o -> ids.add(o.path("id").asText()));
    return ids;
  }
}
