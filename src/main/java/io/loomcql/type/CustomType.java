package io.loomcql.type;

import java.util.Objects;

/** A server-side type the protocol names by its Java class; values are read as raw bytes. */
public record CustomType(String className) implements DataType {
  public CustomType {
    Objects.requireNonNull(className, "className");
  }

  @Override
  public String asCql() {
    return "'" + className + "'";
  }
}
