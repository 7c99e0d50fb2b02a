package com.kaicalls.mock.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The append-only journal behind {@code --data-dir}: one JSON line per commit holding the store
 * changes since the previous commit, the id sequence and the virtual time. A commit is one {@code
 * write} followed by {@code fsync}, so a line is either whole or (after a crash mid-write) a torn
 * tail that replay drops (see {@link JournalReplay} for what else replay refuses). The data
 * directory is locked ({@link DataDirLock}) while the journal is open. Without a directory every
 * method is a no-op.
 */
public final class Journal implements AutoCloseable {

  static final String FILE = "journal.jsonl";

  /** What replay restores besides the documents. */
  public record Replayed(long idSequence, Instant now, int commits) {}

  private final FileChannel channel;
  private final Path file;
  private final DataDirLock lock;
  private final boolean repair;
  private StringBuilder pending = new StringBuilder();
  private int pendingOps;

  private Journal(Path file, FileChannel channel, DataDirLock lock, boolean repair) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.repair = repair;
  }

  public static Journal none() {
    return new Journal(null, null, null, false);
  }

  /**
   * Locks {@code dir} and opens its journal; with {@code repair}, replay moves an unreadable tail
   * aside instead of refusing to start.
   */
  public static Journal open(Path dir, boolean repair) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the data directory " + dir.toAbsolutePath() + ": " + e, e);
    }
    DataDirLock lock = DataDirLock.acquire(dir);
    try {
      Path file = dir.resolve(FILE);
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      return new Journal(file, channel, lock, repair);
    } catch (IOException e) {
      lock.close();
      throw new UncheckedIOException(
          "cannot open the journal in " + dir.toAbsolutePath() + ": " + e, e);
    }
  }

  public boolean durable() {
    return channel != null;
  }

  synchronized void put(String workspaceId, String type, ObjectNode document) {
    if (channel == null) {
      return;
    }
    separator();
    pending
        .append("[\"p\",")
        .append(quote(workspaceId))
        .append(',')
        .append(quote(type))
        .append(',')
        .append(new String(Json.bytes(document), StandardCharsets.UTF_8))
        .append(']');
  }

  synchronized void remove(String workspaceId, String type, String id) {
    if (channel == null) {
      return;
    }
    separator();
    pending
        .append("[\"d\",")
        .append(quote(workspaceId))
        .append(',')
        .append(quote(type))
        .append(',')
        .append(quote(id))
        .append(']');
  }

  /** Writes and fsyncs the changes made since the last commit (nothing when there are none). */
  synchronized void commit(long idSequence, Instant now) {
    if (channel == null || pendingOps == 0) {
      return;
    }
    String line =
        "{\"seq\":" + idSequence + ",\"now\":\"" + now + "\",\"ops\":[" + pending + "]}\n";
    pending = new StringBuilder();
    pendingOps = 0;
    try {
      ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      channel.position(channel.size());
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal " + file, e);
    }
  }

  /** Empties the journal (reset): what follows starts a new history. */
  synchronized void truncate() {
    if (channel == null) {
      return;
    }
    pending = new StringBuilder();
    pendingOps = 0;
    try {
      channel.truncate(0);
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Applies the journal to {@code store} (see {@link JournalReplay}), passing each document put
   * through {@code upgrade} (type, document) so that older journals read as today's documents.
   */
  public synchronized Replayed replay(
      Store store, BiFunction<String, ObjectNode, ObjectNode> upgrade) {
    if (channel == null) {
      return new Replayed(0, null, 0);
    }
    return new JournalReplay(file, channel, repair, upgrade).into(store);
  }

  private void separator() {
    if (pendingOps++ > 0) {
      pending.append(',');
    }
  }

  private static String quote(String s) {
    return Json.MAPPER.getNodeFactory().textNode(s).toString();
  }

  @Override
  public synchronized void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // closing anyway
      }
      lock.close();
    }
  }
}
