package com.kaicalls.benchmarks.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver on 127.0.0.1 (JDK HttpServer) that answers 200 to every POST and counts them.
 * Needs {@code -Dsun.net.httpserver.nodelay=true} (set before the first server is created), or
 * Nagle's algorithm adds ~40 ms to each response.
 */
final class Receiver implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService pool;
  private final AtomicLong received = new AtomicLong();

  Receiver(int threads) throws IOException {
    if (!"true".equals(System.getProperty("sun.net.httpserver.nodelay"))) {
      throw new IllegalStateException("run with -Dsun.net.httpserver.nodelay=true");
    }
    // The address itself, not a name to resolve: always IPv4 loopback, never ::1.
    server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 512);
    pool = Executors.newFixedThreadPool(threads);
    server.setExecutor(pool);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
          }
          received.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  long received() {
    return received.get();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
