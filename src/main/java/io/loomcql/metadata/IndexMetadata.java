package io.loomcql.metadata;

import java.util.Map;
import java.util.Optional;

/** A secondary index of a table (built-in, custom or SAI). Immutable. */
public interface IndexMetadata {

  /** How the server implements the index ({@code system_schema.indexes.kind}). */
  enum Kind {
    /** Thrift-era keys index (not created by CQL any more). */
    KEYS,
    /** The built-in secondary index. */
    COMPOSITES,
    /** An index with its own class, for example {@code StorageAttachedIndex}. */
    CUSTOM
  }

  /** {@return the keyspace of the indexed table} */
  String keyspace();

  /** {@return the indexed table's name, as stored} */
  String table();

  /** {@return the index's name as stored: case-sensitive, never quoted} */
  String name();

  /** {@return how the server implements the index: built-in, keys or custom} */
  Kind kind();

  /**
   * What is indexed, as CQL: a column name (quoted if needed), or {@code keys(m)}, {@code
   * values(m)}, {@code entries(m)}, {@code full(m)} for collections.
   *
   * @return the target, as CQL writes it in {@code CREATE INDEX}
   */
  String target();

  /**
   * The index's options as stored, including {@code target} and, for a custom index, {@code
   * class_name}.
   *
   * @return the options by name; unmodifiable
   */
  Map<String, String> options();

  /**
   * The implementing class of a custom index ({@code class_name}).
   *
   * @return the class name, for example {@code StorageAttachedIndex}; empty for built-in indexes
   */
  Optional<String> className();

  /**
   * The statement that recreates the index: {@code CREATE INDEX}, or {@code CREATE CUSTOM INDEX ...
   * USING ...} for a custom one.
   *
   * @return the CQL, with fully qualified names and a final {@code ;}
   */
  String describe();
}
