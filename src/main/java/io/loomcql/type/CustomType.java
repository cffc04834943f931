package io.loomcql.type;

import java.util.Objects;

/**
 * A server-side type the protocol names by its Java class; values are read as raw bytes.
 *
 * @param className the fully qualified name of the server's type class, for example {@code
 *     org.apache.cassandra.db.marshal.DynamicCompositeType}
 */
public record CustomType(String className) implements DataType {
  /**
   * Checks the class name.
   *
   * @param className the fully qualified name of the server's type class
   * @throws NullPointerException if {@code className} is null
   */
  public CustomType {
    Objects.requireNonNull(className, "className");
  }

  /**
   * The class name in single quotes, as CQL writes a custom type.
   *
   * @return for example {@code 'org.apache.cassandra.db.marshal.DynamicCompositeType'}
   */
  @Override
  public String asCql() {
    return "'" + className + "'";
  }
}
