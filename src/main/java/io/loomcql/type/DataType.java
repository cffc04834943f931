package io.loomcql.type;

import java.util.List;

/**
 * A CQL type, as the protocol describes a column or bind marker. Values are immutable and compare
 * by structure, so they work as map keys (codec lookup, metadata caches).
 */
public sealed interface DataType
    permits NativeType, ListType, SetType, MapType, TupleType, UserDefinedType, VectorType, CustomType {

  DataType ASCII = NativeType.ASCII;
  DataType BIGINT = NativeType.BIGINT;
  DataType BLOB = NativeType.BLOB;
  DataType BOOLEAN = NativeType.BOOLEAN;
  DataType COUNTER = NativeType.COUNTER;
  DataType DECIMAL = NativeType.DECIMAL;
  DataType DOUBLE = NativeType.DOUBLE;
  DataType FLOAT = NativeType.FLOAT;
  DataType INT = NativeType.INT;
  DataType TIMESTAMP = NativeType.TIMESTAMP;
  DataType UUID = NativeType.UUID;
  DataType TEXT = NativeType.TEXT;
  DataType VARINT = NativeType.VARINT;
  DataType TIMEUUID = NativeType.TIMEUUID;
  DataType INET = NativeType.INET;
  DataType DATE = NativeType.DATE;
  DataType TIME = NativeType.TIME;
  DataType SMALLINT = NativeType.SMALLINT;
  DataType TINYINT = NativeType.TINYINT;
  DataType DURATION = NativeType.DURATION;

  /** The type as CQL writes it, for example {@code map<text, frozen<list<int>>>}. */
  String asCql();

  static DataType listOf(DataType element) {
    return new ListType(element, false);
  }

  static DataType setOf(DataType element) {
    return new SetType(element, false);
  }

  static DataType mapOf(DataType key, DataType value) {
    return new MapType(key, value, false);
  }

  static DataType tupleOf(DataType... components) {
    return new TupleType(List.of(components));
  }
}
