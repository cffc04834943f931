package io.loomcql.internal.connection;

import io.loomcql.SslOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS over the blocking socket channel, driven by an {@link SSLEngine} (not an {@code SSLSocket}, so
 * the connection keeps one channel that {@link #close} can always unblock). The handshake runs in
 * {@link #connect}, before the reader and writer start.
 *
 * <p>Thread-safety: shared by the reader, the writer and whoever closes. The engine allows one
 * wrap concurrent with one unwrap. The read side ({@code netIn}, {@code appIn}, every unwrap)
 * belongs to the reader; every wrap goes through {@link TlsOutbound}, which the reader also uses
 * when an unwrap leaves a message for the peer. Delegated tasks run inline on whichever thread
 * meets them.
 */
final class TlsTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(TlsTransport.class);
  /** Records per socket read or write: a 64 KiB batch from the writer goes out in one write. */
  private static final int RECORDS_PER_BUFFER = 4;
  private static final Duration CLOSE_NOTIFY_TIMEOUT = Duration.ofMillis(200);

  private final SocketChannel channel;
  private final SSLEngine engine;
  private final InetSocketAddress address;
  private final TlsOutbound outbound;
  private final AtomicBoolean closed = new AtomicBoolean();
  private ByteBuffer netIn; // reader only: ciphertext received, in write mode
  private ByteBuffer appIn; // reader only: plaintext the caller's buffer could not take, in read mode

  private TlsTransport(SocketChannel channel, SSLEngine engine, InetSocketAddress address) {
    this.channel = channel;
    this.engine = engine;
    this.address = address;
    SSLSession session = engine.getSession();
    this.netIn = ByteBuffer.allocateDirect(RECORDS_PER_BUFFER * session.getPacketBufferSize());
    this.outbound = new TlsOutbound(channel, engine, RECORDS_PER_BUFFER);
    this.appIn = ByteBuffer.allocate(session.getApplicationBufferSize()).flip();
  }

  /**
   * Runs the TLS handshake on a connected channel, within {@code timeout} (a blocking channel has
   * no timeout of its own, so a watchdog closes it when the time is up).
   *
   * @throws SSLException if the handshake fails: certificate not trusted, name not matching,
   *     no common protocol, or the node closed the connection
   * @throws SocketTimeoutException if the node did not finish the handshake in time
   */
  static TlsTransport connect(SocketChannel channel, InetSocketAddress address, SslOptions options, Duration timeout)
      throws IOException {
    ChannelDeadline deadline = ChannelDeadline.start(channel, timeout, "loomcql-tls-handshake-" + address);
    TlsTransport transport = null;
    Exception failure = null;
    try {
      transport = new TlsTransport(channel, TlsEngines.newClientEngine(options, address), address);
      transport.handshake();
    } catch (IOException | RuntimeException e) {
      failure = e;
    }
    if (!deadline.finish()) {
      SocketTimeoutException timedOut =
          new SocketTimeoutException(
              "TLS handshake did not complete within " + timeout.toMillis() + " ms (the connect timeout)");
      timedOut.initCause(failure);
      throw timedOut;
    }
    if (failure instanceof SSLException ssl) {
      throw ssl;
    } else if (failure != null) {
      throw new SSLException("TLS handshake aborted: " + failure, failure);
    }
    SSLSession session = transport.engine.getSession();
    LOG.debug("[{}] TLS handshake done: {}, {}", address, session.getProtocol(), session.getCipherSuite());
    return transport;
  }

  private void handshake() throws IOException {
    engine.beginHandshake();
    HandshakeStatus status = engine.getHandshakeStatus();
    try {
      while (status != HandshakeStatus.FINISHED && status != HandshakeStatus.NOT_HANDSHAKING) {
        status =
            switch (status) {
              case NEED_WRAP -> outbound.wrapHandshake();
              case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> unwrapHandshake();
              case NEED_TASK -> TlsEngines.runDelegatedTasks(engine);
              case FINISHED, NOT_HANDSHAKING -> status;
            };
      }
    } catch (SSLException e) {
      outbound.sendQueuedQuietly(CLOSE_NOTIFY_TIMEOUT, "loomcql-tls-alert-" + address); // tell the node why
      throw e;
    } catch (IOException e) {
      SSLException alert = alertReceived();
      if (alert != null) {
        alert.addSuppressed(e);
        throw alert;
      }
      throw e;
    }
  }

  /**
   * After the socket broke mid-handshake ("broken pipe"), the node's reason is often an alert it
   * sent before closing, such as bad_certificate when it wants a client certificate; this plays
   * the handshake on, dropping what it would send, until the engine reads that alert. Bounded by
   * the handshake's deadline, which can close the channel.
   */
  private SSLException alertReceived() {
    try {
      for (int step = 0; step < 32; step++) {
        switch (engine.getHandshakeStatus()) {
          case NEED_WRAP -> outbound.wrapHandshakeDiscarding();
          case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> unwrapHandshake();
          case NEED_TASK -> TlsEngines.runDelegatedTasks(engine);
          case FINISHED, NOT_HANDSHAKING -> {
            return null;
          }
        }
      }
      return null;
    } catch (SSLException e) {
      return e;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private HandshakeStatus unwrapHandshake() throws IOException {
    netIn.flip();
    appIn.compact(); // data the node sent with its last handshake message is kept for read()
    SSLEngineResult result;
    try {
      result = engine.unwrap(netIn, appIn);
    } finally {
      appIn.flip();
      netIn.compact();
    }
    switch (result.getStatus()) {
      case OK -> {}
      case BUFFER_UNDERFLOW -> {
        if (fill() < 0) {
          throw new SSLException(
              "the node closed the connection during the TLS handshake; is client_encryption_options enabled there?");
        }
      }
      case BUFFER_OVERFLOW -> appIn = TlsEngines.enlarge(appIn, engine.getSession().getApplicationBufferSize()).flip();
      case CLOSED -> throw new SSLException("the node closed the TLS session during the handshake");
    }
    return result.getHandshakeStatus();
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    try {
      return readOrFail(dst);
    } catch (SSLException e) {
      outbound.inboundFailed(e); // the writer may meet the closed engine first
      throw e;
    }
  }

  private int readOrFail(ByteBuffer dst) throws IOException {
    if (appIn.hasRemaining()) {
      return TlsEngines.transfer(appIn, dst);
    }
    while (dst.hasRemaining()) {
      int produced = unwrapBuffered(dst);
      if (produced != 0) {
        return produced;
      }
      if (engine.isInboundDone() || fill() < 0) { // after close_notify the TCP stream may stay open
        return -1;
      }
    }
    return 0;
  }

  /**
   * Unwraps the complete records already received: into {@code dst} while it has room for one,
   * then, if nothing fitted, one record into {@code appIn}, handed out piecewise.
   *
   * @return the bytes now in {@code dst}; 0 if more ciphertext is needed; -1 at close_notify
   */
  private int unwrapBuffered(ByteBuffer dst) throws IOException {
    int total = 0;
    ByteBuffer target = dst;
    netIn.flip();
    try {
      while (netIn.hasRemaining()) {
        boolean spill = target == appIn;
        if (spill) {
          appIn.clear();
        }
        SSLEngineResult result = engine.unwrap(netIn, target);
        if (spill) {
          appIn.flip();
        }
        boolean worked = onHandshakeStatus(result.getHandshakeStatus());
        if (spill && appIn.hasRemaining()) {
          return TlsEngines.transfer(appIn, dst);
        }
        total += spill ? 0 : result.bytesProduced();
        switch (result.getStatus()) {
          case OK -> {
            if (result.bytesConsumed() == 0 && result.bytesProduced() == 0 && !worked) {
              return total;
            }
          }
          case BUFFER_UNDERFLOW -> {
            return total;
          }
          case BUFFER_OVERFLOW -> {
            if (total > 0) {
              return total; // the next record waits for the caller's next buffer
            }
            if (spill) {
              appIn = TlsEngines.enlarge(appIn, engine.getSession().getApplicationBufferSize()).flip();
            }
            target = appIn;
          }
          case CLOSED -> {
            outbound.inboundFailed(new SSLException("the node sent close_notify"));
            return total > 0 ? total : -1;
          }
        }
      }
      return total;
    } finally {
      netIn.compact();
    }
  }

  /** Reads ciphertext from the socket, first growing {@code netIn} if a record cannot fit. */
  private int fill() throws IOException {
    if (!netIn.hasRemaining()) {
      netIn.flip();
      netIn = TlsEngines.enlarge(netIn, engine.getSession().getPacketBufferSize());
    }
    return channel.read(netIn);
  }

  /** Reacts to what an unwrap left to do. @return whether it did anything */
  private boolean onHandshakeStatus(HandshakeStatus status) throws IOException {
    boolean worked = false;
    if (status == HandshakeStatus.NEED_TASK) {
      status = TlsEngines.runDelegatedTasks(engine);
      if (status == HandshakeStatus.NEED_TASK) {
        Thread.yield(); // the writer took the task and is running it
      }
      worked = true;
    }
    if (status == HandshakeStatus.NEED_WRAP) {
      outbound.sendHandshakeOutput();
      worked = true;
    }
    return worked;
  }

  /** The engine's state, for tests: NOT_HANDSHAKING once every handshake message has been sent. */
  HandshakeStatus handshakeStatus() {
    return engine.getHandshakeStatus();
  }

  @Override
  public void write(ByteBuffer src) throws IOException {
    outbound.write(src);
  }

  /** Sends close_notify when it can do so at once, then closes the socket, unblocking both threads. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    outbound.closing();
    engine.closeOutbound();
    outbound.sendQueuedQuietly(CLOSE_NOTIFY_TIMEOUT, "loomcql-tls-close-" + address);
    try {
      channel.close();
    } catch (IOException ignored) {
      // a socket that fails to close has nothing left to give
    }
  }
}
