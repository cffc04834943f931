package io.loomcql.auth;

import java.net.InetSocketAddress;

/**
 * Creates an {@link Authenticator} for each connection to a node that asks for authentication.
 * Shared between connections and threads: implementations must be thread-safe.
 */
@FunctionalInterface
public interface AuthProvider {
  /**
   * Starts the SASL exchange of one new connection. Called once per connection, during its
   * handshake.
   *
   * @param host the node the connection goes to
   * @param authenticatorClass the server-side authenticator the node named in AUTHENTICATE, for
   *     example {@code org.apache.cassandra.auth.PasswordAuthenticator}
   * @return a new authenticator, used for this connection only
   */
  Authenticator newAuthenticator(InetSocketAddress host, String authenticatorClass);
}
