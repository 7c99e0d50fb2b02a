package com.kaicalls.mock.internal.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages' static files: our own ({@code kaicalls-pages/}: css, js) and the few Swagger UI files
 * the docs page needs, read from the {@code org.webjars:swagger-ui} jar on the classpath. Only
 * listed names are served, so no path can reach anything else.
 */
final class StaticFiles {

  private static final Set<String> SWAGGER_UI_FILES =
      Set.of("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "favicon-16x16.png");
  private static final Set<String> OWN_FILES =
      Set.of(
          "pages.css",
          "pages.js",
          "docs.js",
          "quickstart.js",
          "api-keys.js",
          "webhooks.js",
          "events.js",
          "logs.js");
  private static final Map<String, String> TYPES =
      Map.of(
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "png", "image/png");

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
  private volatile String swaggerUiRoot;

  PageResponse swaggerUi(String name) {
    if (!SWAGGER_UI_FILES.contains(name)) {
      return PageResponse.notFound();
    }
    return serve(swaggerUiRoot() + name, name);
  }

  PageResponse own(String name) {
    if (!OWN_FILES.contains(name)) {
      return PageResponse.notFound();
    }
    return serve(PageTemplates.ROOT + name, name);
  }

  private PageResponse serve(String resource, String name) {
    byte[] body = cache.computeIfAbsent(resource, PageTemplates::resource);
    String type =
        TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
    return PageResponse.ok(type, body, true);
  }

  /** {@code /META-INF/resources/webjars/swagger-ui/<version>/}, the version read from the jar. */
  private String swaggerUiRoot() {
    String root = swaggerUiRoot;
    if (root == null) {
      Properties props = new Properties();
      try (InputStream in =
          StaticFiles.class.getResourceAsStream(
              "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
        if (in == null) {
          throw new IllegalStateException(
              "The org.webjars:swagger-ui jar is missing from the classpath");
        }
        props.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      root = "/META-INF/resources/webjars/swagger-ui/" + props.getProperty("version") + "/";
      swaggerUiRoot = root;
    }
    return root;
  }
}
