import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps a module README's table of runtime dependencies equal to what the build resolves.
 *
 * <p>Run by every published module at {@code verify} (see the parent POM) with the module's {@code
 * dependency:tree} (compile and runtime scopes): {@code check} fails when the README's table
 * differs, {@code write} rewrites it. What an integrator gets is listed: optional dependencies are
 * named apart, and what only they pull in is left out. Sizes are those of the jars in the local
 * repository; our own artifacts are marked as built here.
 *
 * <p>Usage: {@code java DependencyTable.java check|write|skip <packaging> <tree.txt> <local-repo>
 * <README.md>}
 */
public final class DependencyTable {
  static final String BEGIN =
      "<!-- runtime-dependencies: generated from the build by scripts/DependencyTable.java;"
          + " ./mvnw verify -Dkaicalls.dependencies=write rewrites it -->";
  static final String END = "<!-- /runtime-dependencies -->";
  static final String OWN_GROUP = "com.kaicalls";

  record Dependency(
      String group,
      String artifact,
      String type,
      String classifier,
      String version,
      boolean optional) {
    String coordinates() {
      return group + ":" + artifact + (classifier.isEmpty() ? "" : ":" + classifier);
    }

    Path file(Path repo) {
      String name =
          artifact + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + "." + type;
      return repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version).resolve(name);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: check|write|skip <packaging> <tree.txt> <local-repo> <README.md>");
    }
    String mode = args[0];
    if (mode.equals("skip") || args[1].equals("pom"))
      return; // skipped, or an aggregator: no jar, no table
    List<Dependency> dependencies = parseTree(Files.readAllLines(Path.of(args[2])));
    String table = table(dependencies, Path.of(args[3]));
    Path readme = Path.of(args[4]);
    String text = Files.readString(readme);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      fail(
          readme
              + " has no runtime dependency table; add these two lines where it belongs, then run"
              + " ./mvnw verify -Dkaicalls.dependencies=write:\n"
              + BEGIN
              + "\n"
              + END);
    }
    String current = text.substring(begin, end + END.length());
    String wanted = BEGIN + "\n" + table + END;
    if (current.equals(wanted)) return;
    if (mode.equals("write")) {
      Files.writeString(
          readme, text.substring(0, begin) + wanted + text.substring(end + END.length()));
      System.out.println("Rewrote the runtime dependency table of " + readme);
      return;
    }
    fail(
        readme
            + ": the runtime dependency table differs from the build. The build resolves:\n\n"
            + table
            + "\nIf the change is intended, run ./mvnw verify -Dkaicalls.dependencies=write and commit the README.");
  }

  /**
   * Parses {@code dependency:tree} text: the first line is the module itself, each level indents 3
   * characters.
   */
  static List<Dependency> parseTree(List<String> lines) {
    List<Dependency> found = new ArrayList<>();
    int skipDeeperThan = Integer.MAX_VALUE; // inside an optional dependency's subtree
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) continue;
      int start = 0;
      while (start < line.length() && "|+-\\ ".indexOf(line.charAt(start)) >= 0) start++;
      int depth = start / 3;
      if (depth > skipDeeperThan) continue;
      skipDeeperThan = Integer.MAX_VALUE;
      String node = line.substring(start).trim();
      boolean optional = node.endsWith("(optional)");
      String[] parts = node.replace("(optional)", "").trim().split(":");
      Dependency d =
          parts.length == 6
              ? new Dependency(parts[0], parts[1], parts[2], parts[3], parts[4], optional)
              : new Dependency(parts[0], parts[1], parts[2], "", parts[3], optional);
      found.add(d);
      if (optional) skipDeeperThan = depth;
    }
    found.sort((a, b) -> a.coordinates().compareTo(b.coordinates()));
    return found;
  }

  static String table(List<Dependency> dependencies, Path repo) throws IOException {
    StringBuilder s = new StringBuilder();
    if (dependencies.isEmpty()) {
      return "None: the JDK only.\n";
    }
    s.append("| Dependency | Version | Size |\n| --- | --- | ---: |\n");
    long total = 0;
    int counted = 0;
    List<Dependency> optional = new ArrayList<>();
    for (Dependency d : dependencies) {
      if (d.optional()) {
        optional.add(d);
        continue;
      }
      s.append(row(d, repo));
      if (!d.group().equals(OWN_GROUP)) {
        total += Files.size(d.file(repo));
        counted++;
      }
    }
    s.append("| **Total** (")
        .append(counted)
        .append(" third-party jars) | | **")
        .append(kib(total))
        .append("** |\n");
    if (!optional.isEmpty()) {
      s.append("\nOptional, so not in your build unless you add them:\n\n");
      s.append("| Dependency | Version | Size |\n| --- | --- | ---: |\n");
      for (Dependency d : optional) s.append(row(d, repo));
    }
    return s.toString();
  }

  private static String row(Dependency d, Path repo) throws IOException {
    boolean own = d.group().equals(OWN_GROUP);
    return "| `"
        + d.coordinates()
        + "` | "
        + (own ? "same as this module" : d.version())
        + " | "
        + (own ? "built here" : kib(Files.size(d.file(repo))))
        + " |\n";
  }

  private static String kib(long bytes) {
    return String.format(Locale.ROOT, "%,d KiB", (bytes + 1023) / 1024);
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(1);
  }
}
