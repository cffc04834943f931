package io.loomcql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.error.ProtocolError;
import io.loomcql.type.DataType;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MarshalTypesTest {
  private static final String M = "org.apache.cassandra.db.marshal.";

  @Test
  void should_parse_the_class_string_cassandra_sends_when_a_column_is_a_vector() {
    assertThat(MarshalTypes.parse(M + "VectorType(" + M + "FloatType,3)")).isEqualTo(new VectorType(DataType.FLOAT, 3));
    assertThat(MarshalTypes.parse(M + "VectorType(" + M + "UTF8Type,2)")).isEqualTo(new VectorType(DataType.TEXT, 2));
    assertThat(MarshalTypes.parse(M + "VectorType(" + M + "FrozenType(" + M + "ListType(" + M + "Int32Type)),2)"))
        .isEqualTo(new VectorType(new io.loomcql.type.ListType(DataType.INT, true), 2));
  }

  @Test
  void should_parse_hex_names_when_the_element_is_a_udt() {
    String udt = M + "FrozenType(" + M + "UserType(ks,61646472,737472656574:" + M + "UTF8Type))";
    assertThat(MarshalTypes.parse(M + "VectorType(" + udt + ",1)")).isEqualTo(new VectorType(
        new UserDefinedType("ks", "addr", List.of("street"), List.of(DataType.TEXT), true), 1));
  }

  @Test
  void should_round_trip_through_format() {
    VectorType type = new VectorType(DataType.mapOf(DataType.TEXT, DataType.tupleOf(DataType.INT, DataType.DURATION)), 2);
    assertThat(MarshalTypes.parse(MarshalTypes.format(type))).isEqualTo(type);
  }

  @Property(tries = 2000)
  void should_fail_only_with_protocol_error_when_parsing_garbage(@ForAll String text) {
    String input = M + "VectorType(" + text;
    try {
      MarshalTypes.parse(input);
    } catch (ProtocolError expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
