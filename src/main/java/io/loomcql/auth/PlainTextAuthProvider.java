package io.loomcql.auth;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * SASL PLAIN with a username and password, as Cassandra's PasswordAuthenticator expects. The
 * password never appears in {@link #toString()} or in any log line.
 */
public final class PlainTextAuthProvider implements AuthProvider {
  private final String username;
  private final String password;

  /**
   * A provider that sends these credentials on every connection.
   *
   * @param username the role to log in as
   * @param password its password
   * @throws NullPointerException if either is null
   */
  public PlainTextAuthProvider(String username, String password) {
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
  }

  @Override
  public Authenticator newAuthenticator(InetSocketAddress host, String authenticatorClass) {
    return new Authenticator() {
      @Override
      public ByteBuffer initialResponse() {
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        byte[] pass = password.getBytes(StandardCharsets.UTF_8);
        // authzid (empty) NUL authcid NUL password
        return ByteBuffer.allocate(2 + user.length + pass.length).put((byte) 0).put(user).put((byte) 0).put(pass).flip();
      }

      @Override
      public ByteBuffer evaluateChallenge(ByteBuffer challenge) {
        return initialResponse();
      }
    };
  }

  @Override
  public String toString() {
    return "PlainTextAuthProvider[username=" + username + ", password=****]";
  }
}
