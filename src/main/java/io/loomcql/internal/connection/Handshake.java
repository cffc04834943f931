package io.loomcql.internal.connection;

import io.loomcql.Compression;
import io.loomcql.ConsistencyLevel;
import io.loomcql.auth.Authenticator;
import io.loomcql.error.AuthenticationException;
import io.loomcql.error.ProtocolError;
import io.loomcql.error.UnsupportedProtocolVersionException;
import io.loomcql.internal.protocol.AuthChallenge;
import io.loomcql.internal.protocol.AuthResponse;
import io.loomcql.internal.protocol.AuthSuccess;
import io.loomcql.internal.protocol.Authenticate;
import io.loomcql.internal.protocol.ErrorCodes;
import io.loomcql.internal.protocol.ErrorMapper;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.Message;
import io.loomcql.internal.protocol.Options;
import io.loomcql.internal.protocol.Query;
import io.loomcql.internal.protocol.QueryOptions;
import io.loomcql.internal.protocol.Ready;
import io.loomcql.internal.protocol.SetKeyspaceResult;
import io.loomcql.internal.protocol.Startup;
import io.loomcql.internal.protocol.Supported;
import io.loomcql.internal.protocol.compression.Compressors;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a freshly opened connection to the ready state: OPTIONS (only to check compression
 * support), STARTUP, authentication, USE keyspace.
 */
public final class Handshake {
  private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);

  private Handshake() {}

  /**
   * Opens and readies a connection; on any failure the connection is closed and the error thrown.
   *
   * @param keyspace the keyspace to USE, or null
   * @throws UnsupportedProtocolVersionException when the node does not speak the configured version
   */
  public static Connection connect(
      InetSocketAddress address, ConnectionConfig config, String keyspace, Duration timeout) {
    Connection connection = Connection.open(address, config);
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      startup(connection, config, deadline);
      if (keyspace != null) {
        use(connection, keyspace, deadline);
      }
      connection.startHeartbeat();
      return connection;
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private static void startup(Connection connection, ConnectionConfig config, long deadline) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("CQL_VERSION", config.cqlVersion());
    Compression compression = supportedCompression(connection, config, deadline);
    if (compression != Compression.NONE) {
      options.put("COMPRESSION", Compressors.startupOption(compression));
    }
    connection.requestCompression(compression);
    Frame answer = connection.request(new Startup(options), deadline);
    switch (answer.message()) {
      case Ready ready -> connection.acceptStartup();
      case Authenticate authenticate -> {
        connection.acceptStartup();
        authenticate(connection, config, authenticate.authenticator(), deadline);
      }
      case ErrorResponse error
          when error.code() == ErrorCodes.PROTOCOL_ERROR && answer.version() != config.version() ->
          throw new UnsupportedProtocolVersionException(
              connection.address(), config.version(), answer.version().code(), error.message());
      default -> throw unexpected(connection, "STARTUP", answer.message());
    }
  }

  /** The configured compression if the node lists it in SUPPORTED, else NONE (with a WARN). */
  private static Compression supportedCompression(Connection connection, ConnectionConfig config, long deadline) {
    Compression wanted = config.compression();
    if (wanted == Compression.NONE) {
      return wanted;
    }
    Frame answer = connection.request(Options.INSTANCE, deadline);
    if (answer.message() instanceof ErrorResponse error
        && error.code() == ErrorCodes.PROTOCOL_ERROR
        && answer.version() != config.version()) {
      throw new UnsupportedProtocolVersionException(
          connection.address(), config.version(), answer.version().code(), error.message());
    }
    if (!(answer.message() instanceof Supported supported)) {
      throw unexpected(connection, "OPTIONS", answer.message());
    }
    List<String> offered = supported.options().getOrDefault("COMPRESSION", List.of());
    if (!offered.contains(Compressors.startupOption(wanted))) {
      LOG.warn("[{}] the node does not support {} compression (it offers {}); this connection is uncompressed",
          connection, wanted, offered);
      return Compression.NONE;
    }
    return wanted;
  }

  private static void authenticate(Connection connection, ConnectionConfig config, String serverClass, long deadline) {
    if (config.authProvider() == null) {
      throw new AuthenticationException(
          connection.address(),
          "the node requires authentication (" + serverClass
              + ") but no AuthProvider is configured: use Cluster.builder().withAuthProvider(...)");
    }
    Authenticator authenticator = config.authProvider().newAuthenticator(connection.address(), serverClass);
    Message reply = connection.request(new AuthResponse(authenticator.initialResponse()), deadline).message();
    while (true) {
      switch (reply) {
        case AuthSuccess success -> {
          authenticator.onAuthenticationSuccess(success.token());
          return;
        }
        case AuthChallenge challenge ->
            reply =
                connection
                    .request(new AuthResponse(authenticator.evaluateChallenge(challenge.token())), deadline)
                    .message();
        default -> throw unexpected(connection, "AUTH_RESPONSE", reply);
      }
    }
  }

  /** Runs {@code USE keyspace} on the connection and records it. */
  public static void use(Connection connection, String keyspace, long deadline) {
    Query use = new Query("USE " + quote(keyspace), QueryOptions.of(ConsistencyLevel.ONE, List.of()));
    Message reply = connection.request(use, deadline).message();
    if (!(reply instanceof SetKeyspaceResult set)) {
      throw unexpected(connection, "USE " + keyspace, reply);
    }
    connection.keyspace(set.keyspace());
  }

  /** Quotes a keyspace name unless it is a plain lower-case identifier or already quoted. */
  public static String quote(String keyspace) {
    if (keyspace.length() > 1 && keyspace.startsWith("\"") && keyspace.endsWith("\"")) {
      return keyspace;
    }
    if (keyspace.matches("[a-z][a-z0-9_]*")) {
      return keyspace;
    }
    return '"' + keyspace.replace("\"", "\"\"") + '"';
  }

  private static RuntimeException unexpected(Connection connection, String request, Message reply) {
    if (reply instanceof ErrorResponse error) {
      return ErrorMapper.toException(error, connection.address());
    }
    return new ProtocolError(
        connection.address(), "unexpected " + reply.getClass().getSimpleName() + " in answer to " + request);
  }
}
