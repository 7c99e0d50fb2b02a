package com.kaicalls.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kaicalls.mock.MockServerOptions;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import com.kaicalls.sdk.models.CommunicationRun;
import com.kaicalls.sdk.models.WebhookSubscription;
import com.kaicalls.sdk.services.CommunicationRunsService;
import com.kaicalls.webhooks.WebhookSecrets;
import com.kaicalls.webhooks.WebhookSigner;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five-minute tour (and the async tour) in sdk/README.md compiles and runs as written against
 * the embedded emulator's demo data: its Java blocks become one method body, with the imports the
 * README names and the three variables a webhook endpoint has ({@code rawBody}, {@code request},
 * {@code webhookSecret}); only the base URL is replaced by the emulator's.
 */
class ReadmeTourTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final String README_BASE_URL = "\"http://127.0.0.1:8089\"";

  @RegisterExtension
  static final KaiCallsMockExtension MOCK = KaiCallsMockExtension.builder().build();

  @TempDir Path dir;

  @Test
  void the_readme_tour_compiles_and_runs_against_the_emulators_demo_data() throws Exception {
    String tour =
        javaBlocks(section(Files.readString(Path.of("README.md")), "## A five-minute tour"));
    assertThat(tour).as("the tour names the emulator's address").contains(README_BASE_URL);
    String secret = WebhookSecrets.generate();
    byte[] delivery = completedCallEvent();
    Map<String, String> headers =
        WebhookSigner.of(secret).headers("evt_readme", Instant.now().getEpochSecond(), delivery);

    Object run = compileTour(tour.replace(README_BASE_URL, "\"" + MOCK.baseUrl() + "\""));
    invoke(run, delivery, servletLike(run.getClass().getClassLoader(), headers), secret);

    KaiCallsClient client =
        KaiCallsClient.builder().apiKey(MOCK.apiKey()).baseUrl(MOCK.baseUrl()).build();
    List<CommunicationRun> runs =
        client
            .communicationRuns()
            .list(CommunicationRunsService.ListParams.builder().limit(100).build())
            .data();
    assertThat(runs).extracting(CommunicationRun::name).contains("Spring HVAC tune-up reminders");
    WebhookSubscription subscription =
        client.webhookSubscriptions().retrieve("whsub_000000143ImkHLIX0LuB");
    assertThat(subscription.description()).isEmpty();
  }

  @Test
  void the_sdk_snippet_of_the_root_readme_runs_against_the_emulator() throws Exception {
    String snippet =
        javaBlocks(section(Files.readString(Path.of("../README.md")), "## Use the SDK"));

    runAgainstTheEmulator("RootReadme", snippet);
  }

  @Test
  void the_async_tour_compiles_and_runs_against_the_emulators_demo_data() throws Exception {
    String tour = javaBlocks(section(Files.readString(Path.of("README.md")), "## Async"));

    runAgainstTheEmulator("AsyncTour", tour);
  }

  @Test
  void the_agency_snippet_runs_against_the_emulators_demo_agency() throws Exception {
    String snippet = javaBlocks(section(Files.readString(Path.of("README.md")), "## Agencies"));

    runAgainstTheEmulator("AgencyTour", snippet);

    KaiCallsClient lakeside =
        KaiCallsClient.builder()
            .apiKey(MockServerOptions.DEFAULT_AGENCY_API_KEY)
            .baseUrl(MOCK.baseUrl())
            .build()
            .withWorkspace("ws_lakeside");
    assertThat(lakeside.communicationRuns().list().data())
        .extracting(CommunicationRun::name)
        .contains("Storm damage follow-up");
  }

  @Test
  void the_other_java_snippets_of_the_readme_compile() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String idempotency = javaBlocks(section(readme, "## Idempotency"));
    String webhooks = section(readme, "## Webhooks");
    int jdkServer = webhooks.indexOf("JDK `HttpServer`");
    String servlet = javaBlocks(webhooks.substring(0, jdkServer));
    String httpServer = javaBlocks(webhooks.substring(jdkServer));

    Path source = dir.resolve("Snippets.java");
    Files.writeString(
        source,
        "import com.kaicalls.sdk.*;\n"
            + "import com.kaicalls.sdk.errors.*;\n"
            + "import com.kaicalls.sdk.models.*;\n"
            + "import java.io.IOException;\n"
            + "import java.io.InputStream;\n"
            + "class Snippets {\n"
            + "  interface Order { String id(); }\n"
            // The servlet API's methods the snippet uses, so that it compiles without a servlet
            // container.
            + "  interface HttpServletRequest { InputStream getInputStream() throws IOException;"
            + " String getHeader(String name); }\n"
            + "  interface HttpServletResponse { void setStatus(int status);"
            + " void sendError(int status, String message) throws IOException; }\n"
            + "  KaiCallsClient client;\n"
            + "  void idempotency(CreateCommunicationRunRequest request, Order order) {\n"
            + idempotency
            + "  }\n"
            + servlet
            + "  void httpServer(com.sun.net.httpserver.HttpServer server) {\n"
            + httpServer
            + "  }\n"
            + "}\n");

    assertThat(compile(source, dir)).isEmpty();
  }

  /**
   * Compiles a snippet that names the README's emulator address as a {@code Runnable}, then runs it
   * here.
   */
  private void runAgainstTheEmulator(String className, String snippet) throws Exception {
    assertThat(snippet).as("the snippet names the emulator's address").contains(README_BASE_URL);
    Path source = dir.resolve(className + ".java");
    Files.writeString(
        source,
        "import com.kaicalls.sdk.*;\n"
            + "import com.kaicalls.sdk.errors.*;\n"
            + "import com.kaicalls.sdk.models.*;\n"
            + "import java.util.List;\n"
            + "import java.util.concurrent.CompletableFuture;\n"
            + "public class "
            + className
            + " implements Runnable {\n"
            + "  public void run() {\n"
            + snippet.replace(README_BASE_URL, "\"" + MOCK.baseUrl() + "\"")
            + "  }\n"
            + "}\n");
    assertThat(compile(source, dir)).isEmpty();

    ((Runnable) load(className)).run();
  }

  private Object compileTour(String body) throws Exception {
    Path source = dir.resolve("Tour.java");
    Files.writeString(
        source,
        "import com.kaicalls.sdk.*;\n"
            + "import com.kaicalls.sdk.models.*;\n"
            + "import com.kaicalls.sdk.services.*;\n"
            + "import java.util.List;\n"
            + "public class Tour {\n"
            + "  public interface Request { String getHeader(String name); }\n"
            + "  public void tour(byte[] rawBody, Request request, String webhookSecret) {\n"
            + body
            + "  }\n"
            + "}\n");
    assertThat(compile(source, dir)).isEmpty();
    return load("Tour");
  }

  private Object load(String className) throws Exception {
    URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    return loader.loadClass(className).getConstructor().newInstance();
  }

  private static void invoke(Object tour, byte[] rawBody, Object request, String secret)
      throws Exception {
    Method method = null;
    for (Method m : tour.getClass().getMethods()) if (m.getName().equals("tour")) method = m;
    assertThat(method).isNotNull();
    try {
      method.invoke(tour, rawBody, request, secret);
    } catch (InvocationTargetException e) {
      throw new AssertionError("The README tour failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * A {@code Tour.Request} whose {@code getHeader} matches names in any case, as a servlet request
   * does.
   */
  private static Object servletLike(ClassLoader loader, Map<String, String> headers)
      throws ClassNotFoundException {
    Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseInsensitive.putAll(headers);
    Class<?> request = loader.loadClass("Tour$Request");
    return Proxy.newProxyInstance(
        loader,
        new Class<?>[] {request},
        (proxy, m, args) -> caseInsensitive.get((String) args[0]));
  }

  /** A {@code call.completed} event of the demo data, exactly as the emulator stores it. */
  private static byte[] completedCallEvent() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(MOCK.baseUrl() + "/v1/events?type=call.completed&limit=1"))
                    .header("Authorization", "Bearer " + MOCK.apiKey())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode event = new ObjectMapper().readTree(response.body()).path("data").path(0);
    assertThat(event.path("type").asText()).isEqualTo("call.completed");
    return event.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String javaBlocks(String markdown) {
    Matcher blocks = JAVA_BLOCK.matcher(markdown);
    StringBuilder body = new StringBuilder();
    while (blocks.find()) body.append(blocks.group(1));
    assertThat(body).as("Java blocks").isNotEmpty();
    return body.toString();
  }

  private static List<String> compile(Path source, Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              out.toString(),
              "-Xlint:none");
      javac
          .getTask(
              null, files, diagnostics, options, null, files.getJavaFileObjects(source.toFile()))
          .call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR)
        errors.add("line " + d.getLineNumber() + ": " + d.getMessage(null));
    }
    return errors;
  }

  /** From a heading to the next heading of the same or a higher level. */
  private static String section(String markdown, String heading) {
    int start = markdown.indexOf(heading);
    assertThat(start).as(heading).isNotNegative();
    int end = markdown.indexOf("\n## ", start + heading.length());
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }
}
