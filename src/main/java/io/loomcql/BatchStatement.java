package io.loomcql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Several simple or bound statements applied as one batch. Immutable: {@link #add} returns a copy.
 * Simple statements inside a batch take positional values only (named values in batches do not
 * work in the protocol, CASSANDRA-10246).
 */
public final class BatchStatement extends Statement<BatchStatement> {
  private final BatchType type;
  private final List<Statement<?>> statements;

  private BatchStatement(BatchType type, List<Statement<?>> statements, Options options) {
    super(options);
    this.type = type;
    this.statements = statements;
  }

  public static BatchStatement newInstance(BatchType type) {
    return new BatchStatement(Objects.requireNonNull(type, "type"), List.of(), Options.DEFAULT);
  }

  public static BatchStatement newInstance(BatchType type, Statement<?>... statements) {
    BatchStatement batch = newInstance(type);
    for (Statement<?> statement : statements) {
      batch = batch.add(statement);
    }
    return batch;
  }

  /** A copy with the statement appended. */
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

  public BatchType batchType() {
    return type;
  }

  public List<Statement<?>> statements() {
    return statements;
  }

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
