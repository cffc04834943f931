package io.loomcql.internal.connection;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Counts the bytes that pass through a transport, for the metrics. Each counter has one writing
 * thread (the reader, or the writer), so a plain volatile add is enough; anyone may read them.
 */
final class CountingTransport implements Transport {
  private final Transport delegate;
  private volatile long received;
  private volatile long sent;

  CountingTransport(Transport delegate) {
    this.delegate = delegate;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    int read = delegate.read(dst);
    if (read > 0) {
      received += read;
    }
    return read;
  }

  @Override
  public void write(ByteBuffer src) throws IOException {
    int before = src.remaining();
    try {
      delegate.write(src);
    } finally {
      sent += before - src.remaining();
    }
  }

  @Override
  public void close() {
    delegate.close();
  }

  long received() {
    return received;
  }

  long sent() {
    return sent;
  }
}
