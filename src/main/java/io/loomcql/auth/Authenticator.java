package io.loomcql.auth;

import java.nio.ByteBuffer;

/** One SASL exchange on one connection. Used by one thread at a time. */
public interface Authenticator {
  /**
   * The first token sent, in answer to AUTHENTICATE.
   *
   * @return the token; may be {@code null}, sent as a null token
   */
  ByteBuffer initialResponse();

  /**
   * The answer to an AUTH_CHALLENGE. Called as many times as the node sends challenges.
   *
   * @param challenge the token of the challenge; may be {@code null}
   * @return the token sent back in AUTH_RESPONSE; may be {@code null}, sent as a null token
   */
  ByteBuffer evaluateChallenge(ByteBuffer challenge);

  /**
   * Called with the server's final token when authentication succeeded. Does nothing by default.
   *
   * @param token the token of AUTH_SUCCESS; may be {@code null}
   */
  default void onAuthenticationSuccess(ByteBuffer token) {}
}
