package io.loomcql.auth;

import java.nio.ByteBuffer;

/** One SASL exchange on one connection. Used by one thread at a time. */
public interface Authenticator {
  /** The first token sent, in answer to AUTHENTICATE. */
  ByteBuffer initialResponse();

  /** The answer to an AUTH_CHALLENGE. */
  ByteBuffer evaluateChallenge(ByteBuffer challenge);

  /** Called with the server's final token when authentication succeeded. */
  default void onAuthenticationSuccess(ByteBuffer token) {}
}
