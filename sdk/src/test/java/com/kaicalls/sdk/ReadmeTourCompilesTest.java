package com.kaicalls.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five-minute tour and the async tour in sdk/README.md compile as written against this SDK: each section's Java
 * blocks become one method body, with the imports the README names and the two variables a webhook endpoint has
 * ({@code rawBody}, {@code request}).
 */
class ReadmeTourCompilesTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void the_readme_tour_compiles(@TempDir Path dir) throws IOException {
    assertThat(compileSection("## A five-minute tour", dir)).isEmpty();
  }

  @Test
  void the_readme_async_tour_compiles(@TempDir Path dir) throws IOException {
    assertThat(compileSection("## Async", dir)).isEmpty();
  }

  private static List<String> compileSection(String heading, Path dir) throws IOException {
    String tour = section(Files.readString(Path.of("README.md")), heading);
    Matcher blocks = JAVA_BLOCK.matcher(tour);
    StringBuilder body = new StringBuilder();
    while (blocks.find()) body.append(blocks.group(1));
    assertThat(body).as("Java blocks in the tour").isNotEmpty();

    Path source = dir.resolve("Tour.java");
    Files.writeString(
        source,
        "import com.kaicalls.sdk.*;\n"
            + "import com.kaicalls.sdk.models.*;\n"
            + "import com.kaicalls.sdk.services.*;\n"
            + "import com.kaicalls.sdk.errors.*;\n"
            + "import java.util.List;\n"
            + "import java.util.concurrent.CompletableFuture;\n"
            + "class Tour {\n"
            + "  interface Request { String getHeader(String name); }\n"
            + "  void tour(byte[] rawBody, Request request) {\n"
            + body
            + "  }\n"
            + "}\n");

    return compile(source, dir);
  }

  private static List<String> compile(Path source, Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-Xlint:none");
      javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source.toFile())).call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) errors.add("line " + d.getLineNumber() + ": " + d.getMessage(null));
    }
    return errors;
  }

  private static String section(String markdown, String heading) {
    int start = markdown.indexOf(heading);
    assertThat(start).as(heading).isNotNegative();
    int end = markdown.indexOf("\n## ", start + heading.length());
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }
}
