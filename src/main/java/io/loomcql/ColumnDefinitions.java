package io.loomcql;

import io.loomcql.type.DataType;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a result, in order. Names are looked up as CQL reads identifiers: case-insensitive
 * unless the name is double-quoted ({@code "\"MixedCase\""}). Immutable; shared by every row of a page.
 */
public final class ColumnDefinitions implements Iterable<ColumnDefinition> {
  private final List<ColumnDefinition> columns;
  private final Map<String, Integer> byExactName;
  private final Map<String, Integer> byLowerName;

  private ColumnDefinitions(List<ColumnDefinition> columns) {
    this.columns = List.copyOf(columns);
    this.byExactName = new HashMap<>();
    this.byLowerName = new HashMap<>();
    for (int i = columns.size() - 1; i >= 0; i--) { // first occurrence wins
      String name = columns.get(i).name();
      byExactName.put(name, i);
      byLowerName.put(name.toLowerCase(Locale.ROOT), i);
    }
  }

  /**
   * The columns given, in order. When two columns share a name, lookups find the first.
   *
   * @param columns the columns; copied
   * @return the definitions
   * @throws NullPointerException if the list or one of its columns is null
   */
  public static ColumnDefinitions of(List<ColumnDefinition> columns) {
    return new ColumnDefinitions(columns);
  }

  /** {@return the number of columns} */
  public int size() {
    return columns.size();
  }

  /**
   * One column.
   *
   * @param index the column's position, from 0
   * @return the column
   * @throws IndexOutOfBoundsException if there is no such column
   */
  public ColumnDefinition get(int index) {
    return columns.get(index);
  }

  /** {@return the column names, in order, as the server sent them; unmodifiable} */
  public List<String> names() {
    return columns.stream().map(ColumnDefinition::name).toList();
  }

  /** {@return the column types, in order; unmodifiable} */
  public List<DataType> types() {
    return columns.stream().map(ColumnDefinition::type).toList();
  }

  /**
   * Whether a column has that name.
   *
   * @param name the name; case-insensitive unless double-quoted
   * @return {@code true} if {@link #indexOf} finds it
   */
  public boolean contains(String name) {
    return indexOf(name) >= 0;
  }

  /**
   * Index of the first column with that name. An unquoted name matches exactly first, then
   * ignoring case.
   *
   * @param name the name; double-quoted to match case exactly
   * @return the position, from 0, or -1 if no column has that name
   */
  public int indexOf(String name) {
    if (name.length() > 1 && name.charAt(0) == '"' && name.charAt(name.length() - 1) == '"') {
      Integer index = byExactName.get(name.substring(1, name.length() - 1).replace("\"\"", "\""));
      return index == null ? -1 : index;
    }
    Integer index = byExactName.get(name);
    if (index == null) {
      index = byLowerName.get(name.toLowerCase(Locale.ROOT));
    }
    return index == null ? -1 : index;
  }

  /**
   * Index of the first column with that name, for getters that must find it.
   *
   * @param name the name; case-insensitive unless double-quoted
   * @return the position, from 0
   * @throws IllegalArgumentException naming the column and the columns that exist
   */
  public int indexOfExisting(String name) {
    int index = indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no column named '" + name + "' in this result (columns: " + names() + ")");
    }
    return index;
  }

  @Override
  public Iterator<ColumnDefinition> iterator() {
    return columns.iterator();
  }

  @Override
  public String toString() {
    return columns.toString();
  }
}
