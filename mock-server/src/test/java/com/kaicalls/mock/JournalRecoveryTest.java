package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal recovery rule: a torn last write is dropped; anything else unreadable is refused or
 * moved aside.
 */
class JournalRecoveryTest {

  @TempDir Path dataDir;

  private MockServerOptions.Builder options() {
    return MockServerOptions.builder()
        .port(0)
        .seed(Seed.EMPTY)
        .clockMode(ClockMode.MANUAL)
        .startTime(Instant.parse("2026-12-01T15:00:00Z"))
        .dataDir(dataDir);
  }

  private Path journal() {
    return dataDir.resolve("journal.jsonl");
  }

  /**
   * Starts, mints keys named {@code names} (one commit each), stops; returns the journal's lines.
   */
  private List<byte[]> journalWithKeys(String... names) throws Exception {
    try (KaiCallsMockServer mock = KaiCallsMockServer.start(options().build())) {
      ApiClient api = new ApiClient(mock.baseUrl(), mock.apiKey());
      for (String name : names) {
        assertThat(
                api.post("/v1/api-keys", Map.of("name", name, "scopes", List.of("leads:read")))
                    .status())
            .isEqualTo(201);
      }
    }
    return lines(Files.readAllBytes(journal()));
  }

  private static List<byte[]> lines(byte[] file) {
    List<byte[]> lines = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i < file.length; i++) {
      if (file[i] == '\n') {
        lines.add(Arrays.copyOfRange(file, start, i + 1));
        start = i + 1;
      }
    }
    return lines;
  }

  private void writeJournal(byte[]... parts) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.write(part);
    }
    Files.write(journal(), out.toByteArray());
  }

  private static List<String> keyNames(KaiCallsMockServer mock) {
    List<String> names = new java.util.ArrayList<>();
    new ApiClient(mock.baseUrl(), mock.apiKey())
        .get("/v1/api-keys?limit=100")
        .json()
        .path("data")
        .forEach(k -> names.add(k.path("name").asText()));
    return names;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aTornLastWriteEndingInsideAMultiByteCharacterIsDroppedAndKeptInASideFile() throws Exception {
    List<byte[]> lines = journalWithKeys("first", "second");
    byte[] whole = Files.readAllBytes(journal());
    byte[] line =
        utf8(
            "{\"seq\":99,\"now\":\"2026-12-01T15:00:00Z\",\"ops\":[[\"p\",\"ws_demo\",\"x\",{\"name\":\"café");
    byte[] torn = Arrays.copyOf(line, line.length - 1); // ends inside the two bytes of 'é'
    Files.write(journal(), torn, StandardOpenOption.APPEND);

    try (KaiCallsMockServer mock = KaiCallsMockServer.start(options().build())) {
      assertThat(keyNames(mock)).contains("first", "second");
      new ApiClient(mock.baseUrl(), mock.apiKey())
          .post("/v1/api-keys", Map.of("name", "third", "scopes", List.of("leads:read")));
    }

    assertThat(Files.readAllBytes(dataDir.resolve("journal.jsonl.torn-1"))).isEqualTo(torn);
    assertThat(lines(Files.readAllBytes(journal()))).hasSize(lines.size() + 1);
    assertThat(Arrays.copyOf(Files.readAllBytes(journal()), whole.length)).isEqualTo(whole);
    try (KaiCallsMockServer mock = KaiCallsMockServer.start(options().build())) {
      assertThat(keyNames(mock)).contains("first", "second", "third");
    }
  }

  @Test
  void anUnreadableLineInTheMiddleStopsStartupNamingFileLineAndOffsetAndLeavesTheFileUntouched()
      throws Exception {
    List<byte[]> lines = journalWithKeys("first", "second");
    writeJournal(
        lines.get(0),
        lines.get(1),
        utf8("{\"seq\":7,\"now\":\"2026-12-01T15:00:00Z\",\"ops\":[\u0001]}\n"),
        lines.get(2));
    byte[] before = Files.readAllBytes(journal());
    long offset = (long) lines.get(0).length + lines.get(1).length;

    assertThatThrownBy(() -> KaiCallsMockServer.start(options().build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(journal().toAbsolutePath().toString())
        .hasMessageContaining("line 3 (byte offset " + offset + ")")
        .hasMessageContaining("--repair-journal");
    assertThat(Files.readAllBytes(journal())).isEqualTo(before);
  }

  @Test
  void aBlankLineStopsStartup() throws Exception {
    List<byte[]> lines = journalWithKeys("first");
    writeJournal(lines.get(0), utf8("\n"), lines.get(1));
    byte[] before = Files.readAllBytes(journal());

    assertThatThrownBy(() -> KaiCallsMockServer.start(options().build()))
        .hasMessageContaining("line 2 (byte offset " + lines.get(0).length + ")")
        .hasMessageContaining("blank line");
    assertThat(Files.readAllBytes(journal())).isEqualTo(before);
  }

  @Test
  void aDamagedFirstLineStopsStartupInsteadOfSeedingAgain() throws Exception {
    List<byte[]> lines = journalWithKeys("first");
    byte[] damaged = lines.get(0).clone();
    damaged[10] = (byte) 0xFF;
    writeJournal(damaged, lines.get(1));
    byte[] before = Files.readAllBytes(journal());

    assertThatThrownBy(() -> KaiCallsMockServer.start(options().build()))
        .hasMessageContaining("line 1 (byte offset 0)");
    assertThat(Files.readAllBytes(journal())).isEqualTo(before);
  }

  @Test
  void repairMovesTheUnreadableLineAndEverythingAfterItToASideFileAndStartsFromTheStateBefore()
      throws Exception {
    List<byte[]> lines = journalWithKeys("first", "second", "third");
    byte[] garbage = utf8("not json\n");
    writeJournal(lines.get(0), lines.get(1), garbage, lines.get(2), lines.get(3));
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    tail.write(garbage);
    tail.write(lines.get(2));
    tail.write(lines.get(3));

    try (KaiCallsMockServer mock =
        KaiCallsMockServer.start(options().repairJournal(true).build())) {
      assertThat(keyNames(mock)).contains("first").doesNotContain("second", "third");
    }

    assertThat(Files.readAllBytes(dataDir.resolve("journal.jsonl.unreadable-1")))
        .isEqualTo(tail.toByteArray());
    assertThat(lines(Files.readAllBytes(journal())).subList(0, 2))
        .containsExactly(lines.get(0), lines.get(1));
  }

  @Test
  void aSecondServerOnTheSameDataDirectoryIsRefusedNamingTheDirectory() {
    try (KaiCallsMockServer first = KaiCallsMockServer.start(options().build())) {
      assertThatThrownBy(() -> KaiCallsMockServer.start(options().build()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("The data directory " + dataDir.toAbsolutePath() + " is in use");
      assertThat(new ApiClient(first.baseUrl(), first.apiKey()).get("/v1/me").status())
          .isEqualTo(200);
    }
  }
}
