package com.kaicalls.mock.internal.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML templates in {@code kaicalls-pages/}: {@code %%NAME%%} is replaced by a value, escaped
 * for HTML unless it is given as HTML. An unknown name is a bug in the template and fails loudly.
 */
final class PageTemplates {

  static final String ROOT = "/kaicalls-pages/";
  private static final Pattern TOKEN = Pattern.compile("%%([A-Z_]+)%%");

  private final Map<String, String> cache = new ConcurrentHashMap<>();

  byte[] render(String name, Map<String, String> text, Map<String, String> html) {
    String template =
        cache.computeIfAbsent(name, n -> new String(resource(ROOT + n), StandardCharsets.UTF_8));
    Matcher m = TOKEN.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 512);
    while (m.find()) {
      String key = m.group(1);
      String value;
      if (text.containsKey(key)) {
        value = escape(text.get(key));
      } else if (html.containsKey(key)) {
        value = html.get(key);
      } else {
        throw new IllegalStateException("Template " + name + " uses unknown value %%" + key + "%%");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A classpath resource's bytes, or {@code null} when there is none. */
  static byte[] resourceOrNull(String path) {
    try (InputStream in = PageTemplates.class.getResourceAsStream(path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] resource(String path) {
    byte[] bytes = resourceOrNull(path);
    if (bytes == null) {
      throw new IllegalStateException(path + " is missing from the classpath; rebuild mock-server");
    }
    return bytes;
  }
}
