package com.kaicalls.mock.internal.pages;

import java.util.List;

/**
 * The navigation bar every page shares, rendered on the server so it needs no script (the pages'
 * CSP allows none inline) and the Swagger UI page gets it like the others.
 */
final class Navigation {

  private record Link(String path, String label) {}

  private static final List<Link> LINKS =
      List.of(
          new Link(PagesFilter.DOCS, "API reference"),
          new Link(PagesFilter.QUICKSTART, "Quickstart"),
          new Link(PagesFilter.API_KEYS, "API keys"),
          new Link(PagesFilter.WEBHOOKS, "Webhooks"),
          new Link(PagesFilter.EVENTS, "Events"),
          new Link(PagesFilter.LOGS, "Logs"));

  private Navigation() {}

  /** The {@code <nav>} element, with {@code aria-current="page"} on the link to {@code current}. */
  static String html(String current) {
    StringBuilder out = new StringBuilder("<nav aria-label=\"Emulator pages\">\n");
    for (Link link : LINKS) {
      out.append("      <a href=\"").append(link.path()).append('"');
      if (link.path().equals(current)) {
        out.append(" aria-current=\"page\"");
      }
      out.append('>').append(PageTemplates.escape(link.label())).append("</a>\n");
    }
    return out.append("    </nav>").toString();
  }
}
