package io.loomcql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Several simple or bound statements applied as one batch. Immutable: {@link #add} returns a copy.
 * Simple statements inside a batch take positional values only (named values in batches do not
 * work in the protocol, CASSANDRA-10246).
 *
 * <p>A batch is routed by the routing key and keyspace set on it, not by those of its statements.
 * The batch's options (consistency, timestamp, ...) apply to every statement in it; those set on
 * the statements inside are not sent.
 */
public final class BatchStatement extends Statement<BatchStatement> {
  private final BatchType type;
  private final List<Statement<?>> statements;

  private BatchStatement(BatchType type, List<Statement<?>> statements, Options options) {
    super(options);
    this.type = type;
    this.statements = statements;
  }

  /**
   * An empty batch; executing it fails until a statement is added.
   *
   * @param type logged, unlogged or counter
   * @return the batch
   * @throws NullPointerException if {@code type} is null
   */
  public static BatchStatement newInstance(BatchType type) {
    return new BatchStatement(Objects.requireNonNull(type, "type"), List.of(), Options.DEFAULT);
  }

  /**
   * A batch of these statements, in order.
   *
   * @param type logged, unlogged or counter
   * @param statements simple statements with positional values, or bound statements
   * @return the batch
   * @throws NullPointerException if {@code type} or a statement is null
   * @throws IllegalArgumentException if a statement is a batch or has named values
   */
  public static BatchStatement newInstance(BatchType type, Statement<?>... statements) {
    BatchStatement batch = newInstance(type);
    for (Statement<?> statement : statements) {
      batch = batch.add(statement);
    }
    return batch;
  }

  /**
   * A copy with the statement appended; this batch does not change.
   *
   * @param statement a simple statement with positional values, or a bound statement
   * @return the new batch
   * @throws NullPointerException if {@code statement} is null
   * @throws IllegalArgumentException if {@code statement} is a batch or has named values
   */
  public BatchStatement add(Statement<?> statement) {
    Objects.requireNonNull(statement, "statement");
    if (statement instanceof BatchStatement) {
      throw new IllegalArgumentException("a batch cannot contain another batch");
    }
    if (statement instanceof SimpleStatement simple && simple.namedValues() != null) {
      throw new IllegalArgumentException("simple statements in a batch take positional values only: " + simple);
    }
    List<Statement<?>> copy = new ArrayList<>(statements.size() + 1);
    copy.addAll(statements);
    copy.add(statement);
    return new BatchStatement(type, Collections.unmodifiableList(copy), options);
  }

  /** {@return the kind of batch: logged, unlogged or counter} */
  public BatchType batchType() {
    return type;
  }

  /** {@return the statements, in order; unmodifiable} */
  public List<Statement<?>> statements() {
    return statements;
  }

  /** {@return how many statements the batch holds} */
  public int size() {
    return statements.size();
  }

  @Override
  BatchStatement withOptions(Options options) {
    return new BatchStatement(type, statements, options);
  }

  @Override
  public String toString() {
    return "BatchStatement[" + type + ", " + statements.size() + " statements]";
  }
}
