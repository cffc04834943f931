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

  /** The keyspace of the indexed table. */
  String keyspace();

  /** The indexed table's name. */
  String table();

  /** The index's name as stored: case-sensitive, never quoted. */
  String name();

  /** Built-in, keys or custom. */
  Kind kind();

  /**
   * What is indexed, as CQL: a column name (quoted if needed), or {@code keys(m)}, {@code
   * values(m)}, {@code entries(m)}, {@code full(m)} for collections.
   */
  String target();

  /** The index's options as stored, including {@code target} and, for a custom index, {@code class_name}. */
  Map<String, String> options();

  /** The implementing class of a custom index ({@code class_name}), empty for built-in ones. */
  Optional<String> className();

  /** {@code CREATE INDEX} or {@code CREATE CUSTOM INDEX ... USING ...}. */
  String describe();
}
