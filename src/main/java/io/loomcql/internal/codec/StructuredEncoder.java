package io.loomcql.internal.codec;

import io.loomcql.type.CqlVector;
import io.loomcql.type.DataType;
import io.loomcql.type.NativeType;
import io.loomcql.type.TupleType;
import io.loomcql.type.TupleValue;
import io.loomcql.type.UdtValue;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of {@link TypedEncoder} for tuples, UDTs and vectors: values that hold other values,
 * each encoded against its own declared type. Errors name the component, field or element.
 */
final class StructuredEncoder {
  private StructuredEncoder() {}

  /** A tuple value must have the marker's component types; null components stay null. */
  static ByteBuffer tuple(Object value, TupleType type) {
    if (!(value instanceof TupleValue tuple)) {
      return raw(value, type, "TupleValue");
    }
    if (!tuple.type().componentTypes().equals(type.componentTypes())) {
      throw new IllegalArgumentException("CQL " + type.asCql() + " does not take a tuple of type " + tuple.type().asCql());
    }
    List<ByteBuffer> parts = new ArrayList<>(tuple.size());
    for (int i = 0; i < tuple.size(); i++) {
      parts.add(element(tuple.getObject(i), type.componentTypes().get(i), "tuple component " + i));
    }
    return fields(parts);
  }

  /**
   * A UDT value is matched to the marker's type by field name, so a value built from an older
   * definition of the type still binds (its missing fields are null).
   */
  static ByteBuffer udt(Object value, UserDefinedType type) {
    if (value instanceof Record record) { // a record registered for (or shaped like) this type
      value = io.loomcql.internal.mapping.UserTypeMappings.toUdt(record, type);
    }
    if (!(value instanceof UdtValue udt)) {
      return raw(value, type, "UdtValue");
    }
    UserDefinedType given = udt.type();
    for (String field : given.fieldNames()) {
      if (!type.fieldNames().contains(field)) {
        throw new IllegalArgumentException("user type " + type.keyspace() + "." + type.name() + " has no field " + field
            + " (value of type " + given.keyspace() + "." + given.name() + ")");
      }
    }
    List<ByteBuffer> parts = new ArrayList<>(type.fieldNames().size());
    for (int i = 0; i < type.fieldNames().size(); i++) {
      int index = given.fieldNames().indexOf(type.fieldNames().get(i));
      Object field = index < 0 ? null : udt.getObject(index);
      parts.add(element(field, type.fieldTypes().get(i), "field " + type.fieldNames().get(i)));
    }
    return fields(parts);
  }

  /** A vector takes a CqlVector, a List, or (for float vectors) a float[], of exactly its dimension. */
  static ByteBuffer vector(Object value, VectorType type) {
    List<?> elements = switch (value) {
      case CqlVector<?> v -> v.asList();
      case List<?> l -> l;
      case float[] floats when type.elementType() == NativeType.FLOAT -> CqlVector.ofFloats(floats).asList();
      default -> null;
    };
    if (elements == null) {
      return raw(value, type, "CqlVector" + (type.elementType() == NativeType.FLOAT ? ", List or float[]" : " or List"));
    }
    if (elements.size() != type.dimension()) {
      throw new IllegalArgumentException(
          "CQL " + type.asCql() + " takes exactly " + type.dimension() + " elements; got " + elements.size());
    }
    List<ByteBuffer> parts = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      Object element = elements.get(i);
      if (element == null) {
        throw new IllegalArgumentException("a CQL vector cannot contain null (element " + i + ")");
      }
      parts.add(element(element, type.elementType(), "vector element " + i));
    }
    return VectorValues.join(parts, VectorValues.fixedSize(type.elementType()) >= 0);
  }

  /** Already-serialized values pass through, as before the codecs existed. */
  private static ByteBuffer raw(Object value, DataType type, String accepted) {
    if (value instanceof ByteBuffer bytes) {
      return bytes.duplicate();
    }
    throw new IllegalArgumentException(
        "CQL " + type.asCql() + " does not take a " + value.getClass().getName() + " (it takes " + accepted + ")");
  }

  private static ByteBuffer element(Object value, DataType type, String where) {
    try {
      return TypedEncoder.encode(value, type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  /** One [bytes] per field: a null field is length -1. */
  static ByteBuffer fields(List<ByteBuffer> parts) {
    int size = 0;
    for (ByteBuffer part : parts) {
      size += 4 + (part == null ? 0 : part.remaining());
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    for (ByteBuffer part : parts) {
      if (part == null) {
        out.putInt(-1);
      } else {
        out.putInt(part.remaining()).put(part.duplicate());
      }
    }
    return out.flip();
  }
}
