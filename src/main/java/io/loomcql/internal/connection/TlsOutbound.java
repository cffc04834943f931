package io.loomcql.internal.connection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * The sending half of a {@link TlsTransport}: every "wrap, then write to the socket" of one
 * connection, as one unit under {@code lock}, so that records reach the socket in the order the
 * engine numbered them.
 *
 * <p>Thread-safety: used by the writer (application data), the reader (handshake messages an
 * unwrap left for the peer: a TLS 1.3 KeyUpdate answer, a TLS 1.2 renegotiation step) and the
 * closing thread (close_notify). The reader and the closer only ever try the lock: the writer may
 * hold it while blocked on a full socket, which drains only if the reader keeps reading. A reader
 * that cannot take the lock leaves a flag, and the writer sends the pending message right after
 * its own records.
 */
final class TlsOutbound {
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final SocketChannel channel;
  private final SSLEngine engine;
  private final int recordsPerWrite;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile boolean handshakeOutputPending;
  private volatile boolean closing;
  private volatile IOException inboundFailure;
  private ByteBuffer netOut; // guarded by lock: ciphertext to send, empty whenever unlocked

  TlsOutbound(SocketChannel channel, SSLEngine engine, int recordsPerWrite) {
    this.channel = channel;
    this.engine = engine;
    this.recordsPerWrite = recordsPerWrite;
    this.netOut = ByteBuffer.allocateDirect(recordsPerWrite * engine.getSession().getPacketBufferSize());
  }

  /** Wraps all of {@code src}, as many records per socket write as {@code netOut} holds. */
  void write(ByteBuffer src) throws IOException {
    lock.lock();
    try {
      while (src.hasRemaining()) {
        SSLEngineResult result = wrapInto(src);
        switch (result.getStatus()) {
          case OK -> {
            if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
              send();
              awaitHandshakeProgress(result.getHandshakeStatus());
            }
          }
          case BUFFER_OVERFLOW -> send(); // netOut is full of records
          case CLOSED -> throw closedException();
          case BUFFER_UNDERFLOW -> throw new IllegalStateException("wrap reported BUFFER_UNDERFLOW");
        }
      }
      send();
    } finally {
      netOut.clear();
      lock.unlock();
    }
    flushHandshakeOutput(); // what the reader left while this thread held the lock
  }

  /** One handshake flight during {@link TlsTransport#connect}, before any other thread exists. */
  HandshakeStatus wrapHandshake() throws IOException {
    lock.lock();
    try {
      SSLEngineResult result = wrapInto(EMPTY);
      send();
      if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
        throw new SSLException("the TLS session closed during the handshake");
      }
      return result.getHandshakeStatus();
    } finally {
      netOut.clear();
      lock.unlock();
    }
  }

  /** Wraps the next handshake flight and drops it: the socket broke and the reason is to be read. */
  HandshakeStatus wrapHandshakeDiscarding() throws SSLException {
    lock.lock();
    try {
      return wrapInto(EMPTY).getHandshakeStatus();
    } finally {
      netOut.clear();
      lock.unlock();
    }
  }

  /**
   * Called by the reader when an unwrap left a message for the peer. Sends it unless another
   * thread holds the lock; that thread sees the flag after unlocking (the flag is written before
   * tryLock and read after unlock, so one of the two threads always sees the other's step).
   */
  void sendHandshakeOutput() throws IOException {
    handshakeOutputPending = true;
    flushHandshakeOutput();
  }

  private void flushHandshakeOutput() throws IOException {
    while (handshakeOutputPending && lock.tryLock()) {
      try {
        handshakeOutputPending = false;
        SSLEngineResult result;
        do {
          result = wrapInto(EMPTY);
          send();
        } while (result.bytesProduced() > 0 && result.getHandshakeStatus() == HandshakeStatus.NEED_WRAP);
      } finally {
        netOut.clear();
        lock.unlock();
      }
    }
  }

  /**
   * Sends what the engine queued, best effort: the alert of a failed handshake, or close_notify
   * once the outbound side is closed. Skipped if the writer holds the lock (it is then blocked on
   * a full socket, and close_notify could not get through anyway); bounded by {@code timeout}, as
   * a peer that stopped reading must not hold up a close.
   */
  void sendQueuedQuietly(Duration timeout, String name) {
    if (!channel.isOpen() || !lock.tryLock()) {
      return;
    }
    ChannelDeadline deadline = ChannelDeadline.start(channel, timeout, name);
    try {
      netOut.clear();
      wrapInto(EMPTY);
      send();
    } catch (IOException | RuntimeException ignored) {
      // the peer learns from the closed socket instead
    } finally {
      deadline.finish();
      netOut.clear();
      lock.unlock();
    }
  }

  /** The driver is closing the transport: a closed engine needs no explanation. */
  void closing() {
    closing = true;
  }

  /** What ended the inbound side (an alert, close_notify): the reason the engine is closed. */
  void inboundFailed(IOException failure) {
    inboundFailure = failure;
  }

  /**
   * The engine closed under the writer. If the driver did not close it, the peer did and the
   * reader is about to say why (an alert such as certificate_required): waits briefly for that
   * reason, so that the connection reports it rather than a bare "closed".
   */
  private SSLException closedException() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    while (!closing && inboundFailure == null && System.nanoTime() < deadline) {
      LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
    }
    IOException cause = inboundFailure;
    return cause == null
        ? new SSLException("the TLS session is closed")
        : new SSLException("the TLS session is closed: " + cause.getMessage(), cause);
  }

  /** A wrap that produced nothing: run the engine's tasks, or let the reader unwrap. */
  private void awaitHandshakeProgress(HandshakeStatus status) throws IOException {
    if (status == HandshakeStatus.NEED_TASK) {
      if (TlsEngines.runDelegatedTasks(engine) == HandshakeStatus.NEED_TASK) {
        Thread.yield(); // the reader took the task and is running it
      }
    } else if (status == HandshakeStatus.NEED_UNWRAP) {
      if (engine.isOutboundDone() || !channel.isOpen()) {
        throw new SSLException("the TLS session is closed");
      }
      LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1)); // not seen after the handshake
    }
  }

  /** One wrap appended to {@code netOut}; BUFFER_OVERFLOW only when it holds records to send. */
  private SSLEngineResult wrapInto(ByteBuffer src) throws SSLException {
    while (true) {
      SSLEngineResult result = engine.wrap(src, netOut);
      if (result.getStatus() != SSLEngineResult.Status.BUFFER_OVERFLOW || netOut.position() > 0) {
        return result;
      }
      int packet = engine.getSession().getPacketBufferSize(); // grew: the peer negotiated larger records
      netOut = ByteBuffer.allocateDirect(Math.max(recordsPerWrite * packet, netOut.capacity() + packet));
    }
  }

  private void send() throws IOException {
    netOut.flip();
    while (netOut.hasRemaining()) {
      channel.write(netOut);
    }
    netOut.clear();
  }
}
