package io.loomcql.internal.protocol;

/** A message a client sends. */
public sealed interface Request extends Message permits Startup, AuthResponse, Options, Query, Prepare, Execute, Batch, Register {}
