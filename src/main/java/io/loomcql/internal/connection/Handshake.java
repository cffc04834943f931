package io.loomcql.internal.connection;

import io.loomcql.auth.Authenticator;
import io.loomcql.error.AuthenticationException;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.protocol.AuthChallenge;
import io.loomcql.internal.protocol.AuthResponse;
import io.loomcql.internal.protocol.AuthSuccess;
import io.loomcql.internal.protocol.Authenticate;
import io.loomcql.internal.protocol.ErrorMapper;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.internal.protocol.Message;
import io.loomcql.internal.protocol.Query;
import io.loomcql.internal.protocol.QueryOptions;
import io.loomcql.internal.protocol.Ready;
import io.loomcql.internal.protocol.SetKeyspaceResult;
import io.loomcql.internal.protocol.Startup;
import io.loomcql.ConsistencyLevel;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Brings a freshly opened connection to the ready state: STARTUP, authentication, USE keyspace. */
public final class Handshake {
  private Handshake() {}

  /**
   * Opens and readies a connection; on any failure the connection is closed and the error thrown.
   *
   * @param keyspace the keyspace to USE, or null
   */
  public static Connection connect(
      java.net.InetSocketAddress address, ConnectionConfig config, String keyspace, Duration timeout) {
    Connection connection = Connection.open(address, config);
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      startup(connection, config, deadline);
      if (keyspace != null) {
        use(connection, keyspace, deadline);
      }
      return connection;
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private static void startup(Connection connection, ConnectionConfig config, long deadline) {
    Message reply =
        connection.request(new Startup(Map.of("CQL_VERSION", config.cqlVersion())), deadline).message();
    switch (reply) {
      case Ready ready -> {}
      case Authenticate authenticate -> authenticate(connection, config, authenticate.authenticator(), deadline);
      default -> throw unexpected(connection, "STARTUP", reply);
    }
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

  /** Quotes a keyspace name unless the user quoted it already. */
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
    return new ProtocolError(connection.address(), "unexpected " + reply.getClass().getSimpleName() + " in answer to " + request);
  }
}
