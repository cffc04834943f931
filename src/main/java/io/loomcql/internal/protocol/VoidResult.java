package io.loomcql.internal.protocol;

/** RESULT Void: the statement ran and returns nothing. */
public record VoidResult() implements Result {
  public static final VoidResult INSTANCE = new VoidResult();
}
