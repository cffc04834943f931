package io.loomcql.auth;

import java.net.InetSocketAddress;

/**
 * Creates an {@link Authenticator} for each connection to a node that asks for authentication.
 * Shared between connections and threads: implementations must be thread-safe.
 */
@FunctionalInterface
public interface AuthProvider {
  /**
   * @param host the node the connection goes to
   * @param authenticatorClass the server-side authenticator the node named in AUTHENTICATE
   */
  Authenticator newAuthenticator(InetSocketAddress host, String authenticatorClass);
}
