package io.loomcql.internal.connection;

import io.loomcql.SslOptions;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns {@link SslOptions} into a client {@link SSLEngine} for one node; engine and buffer chores. */
final class TlsEngines {
  private static final Logger LOG = LoggerFactory.getLogger(TlsEngines.class);
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private TlsEngines() {}

  /**
   * A client engine for {@code address}. The peer host given to the engine is the name the user
   * wrote when there is one (never a reverse lookup), so that hostname verification checks the
   * name they trusted, and the IP address otherwise.
   */
  static SSLEngine newClientEngine(SslOptions options, InetSocketAddress address) {
    String host = address.getHostString();
    SSLEngine engine = options.sslContext().createSSLEngine(host, address.getPort());
    engine.setUseClientMode(true);
    SSLParameters parameters = engine.getSSLParameters();
    if (options.hostnameVerification()) {
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
    }
    if (!isIpLiteral(host, address)) {
      try {
        parameters.setServerNames(List.of(new SNIHostName(host)));
      } catch (IllegalArgumentException e) {
        LOG.debug("[{}] no SNI: '{}' is not a valid SNI host name ({})", address, host, e.getMessage());
      }
    }
    if (options.cipherSuites() != null) {
      parameters.setCipherSuites(options.cipherSuites().toArray(String[]::new));
    }
    if (options.protocols() != null) {
      parameters.setProtocols(options.protocols().toArray(String[]::new));
    }
    engine.setSSLParameters(parameters);
    return engine;
  }

  /** Runs the engine's delegated tasks (certificate checks, key exchange) on the calling thread. */
  static HandshakeStatus runDelegatedTasks(SSLEngine engine) {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
    return engine.getHandshakeStatus();
  }

  static boolean isIpLiteral(String host, InetSocketAddress address) {
    return host.indexOf(':') >= 0
        || IPV4.matcher(host).matches()
        || (address.getAddress() != null && host.equals(address.getAddress().getHostAddress()));
  }

  /** Copies as much of {@code from} as {@code to} takes, without allocating. */
  static int transfer(ByteBuffer from, ByteBuffer to) {
    int n = Math.min(from.remaining(), to.remaining());
    to.put(to.position(), from, from.position(), n);
    to.position(to.position() + n);
    from.position(from.position() + n);
    return n;
  }

  /** A larger copy of {@code readable}'s remaining bytes, in write mode; for the rare oversized record. */
  static ByteBuffer enlarge(ByteBuffer readable, int atLeast) {
    int capacity = Math.max(atLeast, readable.capacity() * 2);
    ByteBuffer larger = readable.isDirect() ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    return larger.put(readable);
  }
}
