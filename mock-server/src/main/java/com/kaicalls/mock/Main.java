package com.kaicalls.mock;

import com.kaicalls.mock.internal.store.Rfc3339;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar kaicalls-mock-server.jar [--port 8089] [--host 127.0.0.1]
 * [--api-key kc_test_...] [--seed demo|empty] [--rate-limit N|N/s|N/min] [--clock realtime|manual]
 * [--speed N] [--start-time RFC3339] [--data-dir DIR] [--repair-journal] [--allowed-host H]...
 * [--seed-file F] [--snapshot-on-exit F] [--request-log-size N] [--verbose]}. Exit code 2 on bad
 * arguments, 1 when the server cannot start (one line on stderr).
 */
public final class Main {

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "Usage: java -jar kaicalls-mock-server.jar [options]",
          "",
          "Runs a stateful local emulator of the KaiCalls /v1 API.",
          "",
          "Options:",
          "  --port <n>          Port to listen on (default "
              + MockServerOptions.DEFAULT_PORT
              + ", 0 = random free port)",
          "  --host <addr>       Address to bind (default " + MockServerOptions.DEFAULT_HOST + ")",
          "  --api-key <key>     Full-scope key of the demo workspace (default "
              + MockServerOptions.DEFAULT_API_KEY
              + ")",
          "  --seed demo|empty   Start with demo data (default) or only the workspaces and their keys",
          "  --rate-limit <r>    Per-key limit: N or N/s (per second), N/min (per minute); off by default",
          "  --clock realtime|manual  Virtual time follows the wall clock (default) or moves only when told",
          "                      (POST /__admin/kaicalls/clock/advance {\"seconds\": N} or {\"to\": \"<RFC 3339>\"})",
          "  --speed <n>         Realtime clock runs n times faster (default 1)",
          "  --start-time <t>    Virtual time starts at this RFC 3339 instant (default now)",
          "  --data-dir <dir>    Keep all state in an append-only journal in <dir>, replayed on restart",
          "                      (default: in memory only); one process per directory",
          "  --repair-journal    Move an unreadable journal tail to a side file next to it, then start",
          "                      (without it, an unreadable line stops startup; nothing is deleted)",
          "  --allowed-host <h>  Also answer requests whose Host is h (name or name:port), for containers and",
          "                      tunnels; repeatable. By default only 127.0.0.0/8, localhost, [::1] and the",
          "                      bind address are answered (other Hosts get 403)",
          "  --seed-file <file>  Start from a snapshot (GET /__admin/kaicalls/snapshot) instead of --seed;",
          "                      reset returns to it",
          "  --snapshot-on-exit <file>  Write a snapshot of the state to <file> on a clean shutdown (SIGTERM)",
          "  --request-log-size <n>  Keep the last n API requests for GET /__admin/kaicalls/requests",
          "                      (default "
              + MockServerOptions.DEFAULT_REQUEST_LOG_SIZE
              + ", 0 = off)",
          "  --verbose           Log one line per request (method, path, status, key id)",
          "  --help              Show this help",
          "",
          "Second workspace key (isolation tests): "
              + MockServerOptions.DEFAULT_OTHER_WORKSPACE_API_KEY,
          "Agency workspace key (clients ws_demo, ws_lakeside): "
              + MockServerOptions.DEFAULT_AGENCY_API_KEY,
          "Admin: POST /__admin/kaicalls/reset, GET /__admin/kaicalls/keys,",
          "       POST /__admin/kaicalls/communication-runs/generate {\"count\":N},",
          "       GET /__admin/kaicalls/clock, POST /__admin/kaicalls/clock/advance,",
          "       GET|POST|DELETE /__admin/kaicalls/faults, GET /__admin/kaicalls/requests,",
          "       GET|POST /__admin/kaicalls/snapshot",
          "Spec:  GET /openapi.yaml");

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    // No logging backend is bundled: keep SLF4J's three-line notice about it off the console.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    Launch launch = launch(args, System.out, System.err);
    if (launch.server == null) {
      System.exit(launch.exitCode);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  launch.server.close();
                  stopped.countDown();
                },
                "kaicalls-mock-shutdown"));
    stopped.await();
  }

  /** The outcome of parsing and starting: a running server, or an exit code. */
  static final class Launch {
    final int exitCode;
    final KaiCallsMockServer server;

    Launch(int exitCode, KaiCallsMockServer server) {
      this.exitCode = exitCode;
      this.server = server;
    }
  }

  static Launch launch(String[] args, PrintStream out, PrintStream err) {
    MockServerOptions.Builder options = MockServerOptions.builder().requestLog(out::println);
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String value = null;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
          value = arg.substring(eq + 1);
          arg = arg.substring(0, eq);
        }
        switch (arg) {
          case "--help":
          case "-h":
            out.println(USAGE);
            return new Launch(0, null);
          case "--verbose":
          case "-v":
            options.verbose(true);
            break;
          case "--port":
            options.port(parsePort(value != null ? value : next(args, ++i, arg)));
            break;
          case "--host":
            options.host(value != null ? value : next(args, ++i, arg));
            break;
          case "--api-key":
            options.apiKey(value != null ? value : next(args, ++i, arg));
            break;
          case "--seed":
            String seed = (value != null ? value : next(args, ++i, arg)).toLowerCase(Locale.ROOT);
            if (!seed.equals("demo") && !seed.equals("empty")) {
              throw new IllegalArgumentException(
                  "--seed must be demo or empty, was '" + seed + "'");
            }
            options.seed(seed.equals("demo") ? Seed.DEMO : Seed.EMPTY);
            break;
          case "--clock":
            String mode = (value != null ? value : next(args, ++i, arg)).toLowerCase(Locale.ROOT);
            if (!mode.equals("realtime") && !mode.equals("manual")) {
              throw new IllegalArgumentException(
                  "--clock must be realtime or manual, was '" + mode + "'");
            }
            options.clockMode(mode.equals("manual") ? ClockMode.MANUAL : ClockMode.REALTIME);
            break;
          case "--speed":
            String speed = value != null ? value : next(args, ++i, arg);
            try {
              options.speed(Double.parseDouble(speed));
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException(
                  "--speed must be a number, was '" + speed + "'", e);
            }
            break;
          case "--start-time":
            String start = value != null ? value : next(args, ++i, arg);
            try {
              options.startTime(Rfc3339.parse(start));
            } catch (DateTimeException e) {
              throw new IllegalArgumentException(
                  "--start-time must be RFC 3339, was '" + start + "'", e);
            }
            break;
          case "--data-dir":
            options.dataDir(Path.of(value != null ? value : next(args, ++i, arg)));
            break;
          case "--repair-journal":
            options.repairJournal(true);
            break;
          case "--allowed-host":
            options.allowedHost(value != null ? value : next(args, ++i, arg));
            break;
          case "--seed-file":
            options.seedFile(Path.of(value != null ? value : next(args, ++i, arg)));
            break;
          case "--snapshot-on-exit":
            options.snapshotOnExit(Path.of(value != null ? value : next(args, ++i, arg)));
            break;
          case "--request-log-size":
            String size = value != null ? value : next(args, ++i, arg);
            try {
              options.requestLogSize(Integer.parseInt(size));
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException(
                  "--request-log-size must be a number, was '" + size + "'", e);
            }
            break;
          case "--rate-limit":
            options.rateLimit(RateLimit.parse(value != null ? value : next(args, ++i, arg)));
            break;
          default:
            throw new IllegalArgumentException("unknown option '" + args[i] + "'");
        }
      }
      MockServerOptions built = options.build();
      KaiCallsMockServer server;
      try {
        server = KaiCallsMockServer.start(built);
      } catch (IllegalStateException | java.io.UncheckedIOException e) {
        err.println("error: " + e.getMessage());
        return new Launch(1, null);
      }
      out.println("KaiCalls mock server listening on " + server.baseUrl());
      out.println(
          "Clock: "
              + built.clockMode().name().toLowerCase(Locale.ROOT)
              + ", now "
              + server.clock().instant()
              + (built.dataDir() == null
                  ? "; state in memory"
                  : "; state in " + built.dataDir().toAbsolutePath()));
      if (built.seedFile() != null) {
        out.println("Seed: snapshot " + built.seedFile().toAbsolutePath());
      }
      out.println("API key (demo workspace, all scopes): " + server.apiKey());
      out.println("API key (other workspace, all scopes): " + server.otherWorkspaceApiKey());
      out.println(
          "API key (agency workspace, all scopes; act in a client with KaiCalls-Workspace: "
              + "ws_demo or ws_lakeside): "
              + server.agencyApiKey());
      out.println(
          "Try: curl -H 'Authorization: Bearer "
              + server.apiKey()
              + "' "
              + server.baseUrl()
              + "/v1/me");
      out.println(
          "API reference: "
              + server.baseUrl()
              + "/docs/api   quickstart: "
              + server.baseUrl()
              + "/docs/api/quickstart   keys: "
              + server.baseUrl()
              + "/dashboard/settings/api-keys");
      return new Launch(0, server);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println();
      err.println(USAGE);
      return new Launch(2, null);
    }
  }

  private static String next(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int parsePort(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, was '" + text + "'", e);
    }
  }
}
