package io.loomcql.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server on 127.0.0.1 for transport tests, on the JDK's own {@link SSLServerSocket} so that
 * the driver's engine code meets an independent implementation. One virtual thread per
 * connection handshakes, records what was negotiated, then runs the {@link Handler}.
 *
 * <p>Thread-safety: {@link #handshakes()} and {@link #close()} may be called from any thread.
 */
public final class TlsTestServer implements AutoCloseable {

  /** What the server does with one connection after its handshake. */
  @FunctionalInterface
  public interface Handler {
    void serve(SSLSocket socket) throws IOException;
  }

  /**
   * What one accepted connection's handshake negotiated, as the server saw it.
   *
   * @param serverNames the SNI host names the client sent
   * @param clientCertificate whether the client presented a certificate
   * @param failure why the handshake failed, or null
   */
  public record Negotiated(List<String> serverNames, String protocol, boolean clientCertificate, IOException failure) {}

  private final SSLServerSocket server;
  private final Handler handler;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final BlockingQueue<Negotiated> handshakes = new LinkedBlockingQueue<>();

  /**
   * @param configure sets server options before the first accept: client authentication,
   *     protocols
   */
  public TlsTestServer(SSLContext context, Consumer<SSLServerSocket> configure, Handler handler) throws IOException {
    this.handler = handler;
    this.server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
    configure.accept(server);
    server.bind(new InetSocketAddress("127.0.0.1", 0));
  }

  /** Starts accepting; separate from the constructor so no thread sees a half-built server. */
  public TlsTestServer start() {
    Thread.ofVirtual().name("tls-test-server-acceptor").start(this::acceptLoop);
    return this;
  }

  /** 127.0.0.1 as an IP literal (no host name: no SNI, and verification checks IP names). */
  public InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", server.getLocalPort());
  }

  /** The next handshake the server completed or failed, waiting up to 10 s. */
  public Negotiated nextHandshake() throws InterruptedException {
    Negotiated handshake = handshakes.poll(10, TimeUnit.SECONDS);
    if (handshake == null) {
      throw new AssertionError("no TLS handshake reached the test server within 10 s");
    }
    return handshake;
  }

  /** Echoes every byte back until the client closes. */
  public static void echo(SSLSocket socket) throws IOException {
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
      out.flush();
    }
  }

  private void acceptLoop() {
    try {
      while (true) {
        SSLSocket socket = (SSLSocket) server.accept();
        sockets.add(socket);
        Thread.ofVirtual().name("tls-test-server-connection").start(() -> serve(socket));
      }
    } catch (IOException closed) {
      // server closed
    }
  }

  private void serve(SSLSocket socket) {
    try (socket) {
      try {
        socket.startHandshake();
      } catch (IOException e) {
        handshakes.add(new Negotiated(List.of(), null, false, e));
        return;
      }
      handshakes.add(describe(socket.getSession()));
      handler.serve(socket);
    } catch (IOException | RuntimeException ignored) {
      // the client went away or the test closed the server: the test decides what that means
    } finally {
      sockets.remove(socket);
    }
  }

  private static Negotiated describe(SSLSession session) {
    List<String> names = List.of();
    if (session instanceof ExtendedSSLSession extended) {
      names =
          extended.getRequestedServerNames().stream()
              .filter(name -> name instanceof SNIHostName)
              .map(SNIServerName::getEncoded)
              .map(encoded -> new String(encoded, StandardCharsets.US_ASCII))
              .toList();
    }
    boolean clientCertificate;
    try {
      clientCertificate = session.getPeerCertificates().length > 0;
    } catch (SSLPeerUnverifiedException e) {
      clientCertificate = false;
    }
    return new Negotiated(names, session.getProtocol(), clientCertificate, null);
  }

  /** Connections open now. */
  public int openConnections() {
    return sockets.size();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
