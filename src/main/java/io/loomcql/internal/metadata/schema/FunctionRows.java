package io.loomcql.internal.metadata.schema;

import io.loomcql.type.DataType;
import io.loomcql.type.UserDefinedType;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Rows of {@code system_schema.functions} and {@code aggregates} → functions and aggregates. */
final class FunctionRows {
  private FunctionRows() {}

  static DefaultFunctionMetadata function(SchemaRow row, Function<String, UserDefinedType> userTypes) {
    return new DefaultFunctionMetadata(row.requireString("keyspace_name"), row.requireString("function_name"),
        row.strings("argument_names"), types(row.strings("argument_types"), userTypes),
        CqlTypeParser.parse(row.requireString("return_type"), userTypes), row.requireString("language"),
        row.requireString("body"), row.bool("called_on_null_input", false));
  }

  static DefaultAggregateMetadata aggregate(SchemaRow row, Function<String, UserDefinedType> userTypes) {
    DataType stateType = CqlTypeParser.parse(row.requireString("state_type"), userTypes);
    String returnType = row.string("return_type");
    return new DefaultAggregateMetadata(row.requireString("keyspace_name"), row.requireString("aggregate_name"),
        types(row.strings("argument_types"), userTypes), row.requireString("state_func"), stateType,
        Optional.ofNullable(row.string("final_func")),
        returnType == null ? stateType : CqlTypeParser.parse(returnType, userTypes),
        Optional.ofNullable(row.string("initcond")));
  }

  private static List<DataType> types(List<String> cql, Function<String, UserDefinedType> userTypes) {
    return cql.stream().map(t -> CqlTypeParser.parse(t, userTypes)).toList();
  }
}
