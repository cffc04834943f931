package io.loomcql.internal.protocol;

/** A native protocol message: the body of one frame, an immutable value. */
public sealed interface Message permits Request, Response {
  /** The frame opcode of this message. */
  int opcode();
}
