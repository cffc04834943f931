package io.loomcql.internal.protocol;

/** A message a server sends. */
public sealed interface Response extends Message
    permits ErrorResponse, Ready, Authenticate, Supported, Result, Event, AuthChallenge, AuthSuccess {}
