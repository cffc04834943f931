package io.loomcql.type;

import java.util.List;

/**
 * A CQL type, as the protocol describes a column or bind marker. Values are immutable and compare
 * by structure, so they work as map keys (codec lookup, metadata caches).
 */
public sealed interface DataType
    permits NativeType, ListType, SetType, MapType, TupleType, UserDefinedType, VectorType, CustomType {

  /** Same as {@link NativeType#ASCII}. */
  DataType ASCII = NativeType.ASCII;
  /** Same as {@link NativeType#BIGINT}. */
  DataType BIGINT = NativeType.BIGINT;
  /** Same as {@link NativeType#BLOB}. */
  DataType BLOB = NativeType.BLOB;
  /** Same as {@link NativeType#BOOLEAN}. */
  DataType BOOLEAN = NativeType.BOOLEAN;
  /** Same as {@link NativeType#COUNTER}. */
  DataType COUNTER = NativeType.COUNTER;
  /** Same as {@link NativeType#DECIMAL}. */
  DataType DECIMAL = NativeType.DECIMAL;
  /** Same as {@link NativeType#DOUBLE}. */
  DataType DOUBLE = NativeType.DOUBLE;
  /** Same as {@link NativeType#FLOAT}. */
  DataType FLOAT = NativeType.FLOAT;
  /** Same as {@link NativeType#INT}. */
  DataType INT = NativeType.INT;
  /** Same as {@link NativeType#TIMESTAMP}. */
  DataType TIMESTAMP = NativeType.TIMESTAMP;
  /** Same as {@link NativeType#UUID}. */
  DataType UUID = NativeType.UUID;
  /** Same as {@link NativeType#TEXT}. */
  DataType TEXT = NativeType.TEXT;
  /** Same as {@link NativeType#VARINT}. */
  DataType VARINT = NativeType.VARINT;
  /** Same as {@link NativeType#TIMEUUID}. */
  DataType TIMEUUID = NativeType.TIMEUUID;
  /** Same as {@link NativeType#INET}. */
  DataType INET = NativeType.INET;
  /** Same as {@link NativeType#DATE}. */
  DataType DATE = NativeType.DATE;
  /** Same as {@link NativeType#TIME}. */
  DataType TIME = NativeType.TIME;
  /** Same as {@link NativeType#SMALLINT}. */
  DataType SMALLINT = NativeType.SMALLINT;
  /** Same as {@link NativeType#TINYINT}. */
  DataType TINYINT = NativeType.TINYINT;
  /** Same as {@link NativeType#DURATION}. */
  DataType DURATION = NativeType.DURATION;

  /**
   * The type as CQL writes it, for example {@code map<text, frozen<list<int>>>}.
   *
   * @return the CQL text of the type
   */
  String asCql();

  /**
   * A {@code list<element>}, not frozen.
   *
   * @param element the type of the elements
   * @return the list type
   * @throws NullPointerException if {@code element} is null
   */
  static DataType listOf(DataType element) {
    return new ListType(element, false);
  }

  /**
   * A {@code set<element>}, not frozen.
   *
   * @param element the type of the elements
   * @return the set type
   * @throws NullPointerException if {@code element} is null
   */
  static DataType setOf(DataType element) {
    return new SetType(element, false);
  }

  /**
   * A {@code map<key, value>}, not frozen.
   *
   * @param key the type of the keys
   * @param value the type of the values
   * @return the map type
   * @throws NullPointerException if either is null
   */
  static DataType mapOf(DataType key, DataType value) {
    return new MapType(key, value, false);
  }

  /**
   * A {@code tuple<...>} of these component types, in order.
   *
   * @param components the type of each component
   * @return the tuple type
   * @throws NullPointerException if a component is null
   */
  static DataType tupleOf(DataType... components) {
    return new TupleType(List.of(components));
  }
}
