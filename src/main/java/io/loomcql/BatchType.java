package io.loomcql;

/** The kinds of batch, with their protocol codes. */
public enum BatchType {
  /** Atomic through the batch log. */
  LOGGED(0),
  /** No atomicity guarantee; cheaper. */
  UNLOGGED(1),
  /** Counter updates only. */
  COUNTER(2);

  private final int code;

  BatchType(int code) {
    this.code = code;
  }

  /** {@return the batch type's code in a BATCH message: 0, 1 or 2} */
  public int code() {
    return code;
  }
}
