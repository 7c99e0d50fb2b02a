package com.kaicalls.mock.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads a journal back into a store, the way databases replay a write-ahead log: a final fragment
 * without its newline is a torn write (never acknowledged), dropped with a warning and kept in a
 * side file; any other line that cannot be read stops startup with a {@link DataDirException}
 * naming the file, line and byte offset, leaving the file untouched, unless repair was asked for,
 * which moves that line and everything after it to a side file next to the journal. Nothing is ever
 * deleted.
 */
final class JournalReplay {

  private static final System.Logger LOG = System.getLogger("com.kaicalls.mock");
  private static final ObjectReader STRICT =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private record Op(boolean put, String workspaceId, String type, JsonNode target) {}

  private final Path file;
  private final FileChannel channel;
  private final boolean repair;
  private final BiFunction<String, ObjectNode, ObjectNode> upgrade;
  private long seq;
  private Instant now;
  private int commits;

  JournalReplay(
      Path file,
      FileChannel channel,
      boolean repair,
      BiFunction<String, ObjectNode, ObjectNode> upgrade) {
    this.file = file;
    this.channel = channel;
    this.repair = repair;
    this.upgrade = upgrade;
  }

  Journal.Replayed into(Store store) {
    long offset = 0;
    int lineNumber = 0;
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(chunk)) > 0; ) {
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (chunk[i] != '\n') {
            continue;
          }
          line.write(chunk, start, i - start);
          start = i + 1;
          lineNumber++;
          byte[] bytes = line.toByteArray();
          line.reset();
          String problem = apply(bytes, store);
          if (problem != null) {
            unreadable(lineNumber, offset, problem);
            return result();
          }
          offset += bytes.length + 1;
        }
        line.write(chunk, start, n - start);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the journal " + file.toAbsolutePath() + ": " + e, e);
    }
    if (line.size() > 0) {
      Path side = moveAside(offset, "torn");
      LOG.log(
          System.Logger.Level.WARNING,
          "Dropped a torn write at the end of the journal "
              + file
              + " ("
              + line.size()
              + " bytes at byte offset "
              + offset
              + ", without a newline: a crash mid-write, never acknowledged); kept in "
              + side);
    }
    return result();
  }

  private Journal.Replayed result() {
    return new Journal.Replayed(seq, now, commits);
  }

  /**
   * Applies one whole line; returns why it cannot be read, or {@code null}. Nothing is applied from
   * a bad line.
   */
  private String apply(byte[] bytes, Store store) {
    JsonNode commit;
    try {
      commit = STRICT.readTree(bytes);
    } catch (IOException e) {
      return "not JSON ("
          + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())
          + ")";
    }
    if (commit == null || commit.isMissingNode()) {
      return "a blank line";
    }
    if (!commit.isObject()
        || !commit.path("ops").isArray()
        || !commit.path("seq").canConvertToLong()
        || !commit.path("now").isTextual()) {
      return "not a commit (an object with seq, now and ops)";
    }
    Instant time;
    try {
      time = Instant.parse(commit.get("now").asText());
    } catch (DateTimeParseException e) {
      return "'now' is not an instant";
    }
    List<Op> ops = new ArrayList<>();
    for (JsonNode op : commit.get("ops")) {
      String kind = op.path(0).asText();
      boolean put = kind.equals("p");
      JsonNode target = op.path(3);
      boolean ok =
          op.isArray()
              && op.size() == 4
              && (put || kind.equals("d"))
              && op.get(1).isTextual()
              && op.get(2).isTextual()
              && (put ? document(target) : target.isTextual());
      if (!ok) {
        return "operation " + (ops.size() + 1) + " is not a put or remove of a stored document";
      }
      ops.add(new Op(put, op.get(1).asText(), op.get(2).asText(), target));
    }
    for (Op op : ops) {
      if (op.put()) {
        store.put(op.workspaceId(), op.type(), upgrade.apply(op.type(), (ObjectNode) op.target()));
      } else {
        store.remove(op.workspaceId(), op.type(), op.target().asText());
      }
    }
    seq = commit.get("seq").asLong();
    now = time;
    commits++;
    return null;
  }

  private static boolean document(JsonNode node) {
    if (!node.isObject() || !node.path("id").isTextual() || !node.path("created_at").isTextual()) {
      return false;
    }
    try {
      Json.instant(node.get("created_at"));
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private void unreadable(int lineNumber, long offset, String problem) {
    String where = "line " + lineNumber + " (byte offset " + offset + ")";
    if (!repair) {
      throw new DataDirException(
          "The journal "
              + file.toAbsolutePath()
              + " cannot be read at "
              + where
              + ": "
              + problem
              + ". The file was left untouched. Restore it, or start with --repair-journal to move "
              + where
              + " and everything after it to a side file next to the journal.");
    }
    long size = size();
    Path side = moveAside(offset, "unreadable");
    LOG.log(
        System.Logger.Level.WARNING,
        "Repaired the journal "
            + file.toAbsolutePath()
            + ": "
            + where
            + " could not be read ("
            + problem
            + "); it and everything after it ("
            + (size - offset)
            + " bytes) were moved to "
            + side
            + ". State is as of line "
            + (lineNumber - 1)
            + ".");
  }

  private long size() {
    try {
      return channel.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies the bytes from {@code offset} to a new side file, syncs it, then cuts them from the
   * journal.
   */
  private Path moveAside(long offset, String kind) {
    try {
      Path side = null;
      for (int n = 1; side == null || Files.exists(side); n++) {
        side = file.resolveSibling(file.getFileName() + "." + kind + "-" + n);
      }
      try (FileChannel out =
          FileChannel.open(side, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        long size = channel.size();
        for (long at = offset; at < size; ) {
          at += channel.transferTo(at, size - at, out);
        }
        out.force(true);
      }
      channel.truncate(offset);
      channel.force(true);
      return side;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move the unreadable end of the journal " + file + " aside: " + e, e);
    }
  }
}
