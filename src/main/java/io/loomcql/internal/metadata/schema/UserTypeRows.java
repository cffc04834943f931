package io.loomcql.internal.metadata.schema;

import io.loomcql.type.DataType;
import io.loomcql.type.UserDefinedType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code system_schema.types} rows → user types, each parsed after the types its fields use. */
final class UserTypeRows {
  private UserTypeRows() {}

  /**
   * @param rows the type rows of one keyspace
   * @param known types of the keyspace already parsed, which the rows' fields may also use
   * @return the new types by name, in dependency order
   */
  static Map<String, UserDefinedType> parse(String keyspace, List<SchemaRow> rows, Map<String, UserDefinedType> known) {
    Map<String, SchemaRow> byName = new HashMap<>();
    Map<String, Set<String>> uses = new HashMap<>();
    for (SchemaRow row : rows) {
      String name = row.requireString("type_name");
      byName.put(name, row);
      Set<String> mentioned = new HashSet<>();
      row.strings("field_types").forEach(t -> mentioned.addAll(CqlTypeParser.userTypeNames(t)));
      uses.put(name, mentioned);
    }
    Map<String, UserDefinedType> all = new HashMap<>(known);
    Map<String, UserDefinedType> parsed = new LinkedHashMap<>();
    for (String name : UserTypeOrder.sort(uses)) {
      SchemaRow row = byName.get(name);
      List<DataType> fieldTypes = new ArrayList<>();
      for (String type : row.strings("field_types")) {
        fieldTypes.add(CqlTypeParser.parse(type, all::get));
      }
      UserDefinedType udt = new UserDefinedType(keyspace, name, row.strings("field_names"), fieldTypes, false);
      all.put(name, udt);
      parsed.put(name, udt);
    }
    return parsed;
  }
}
