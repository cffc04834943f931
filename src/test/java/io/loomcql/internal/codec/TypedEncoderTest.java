package io.loomcql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.Unset;
import io.loomcql.internal.protocol.Primitives;
import io.loomcql.type.DataType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TypedEncoderTest {

  @Property
  void should_round_trip_ints_through_the_decoder(@ForAll int value) {
    ByteBuffer encoded = TypedEncoder.encode(value, DataType.INT);
    assertThat(ValueDecoder.decode(DataType.INT, encoded)).isEqualTo(value);
  }

  @Property
  void should_accept_a_long_for_smallint_only_within_range(@ForAll long value) {
    if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
      assertThat(ValueDecoder.decode(DataType.SMALLINT, TypedEncoder.encode(value, DataType.SMALLINT)))
          .isEqualTo((short) value);
    } else {
      assertThatThrownBy(() -> TypedEncoder.encode(value, DataType.SMALLINT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("out of range for CQL smallint");
    }
  }

  @Property
  void should_round_trip_nested_collections(@ForAll List<@net.jqwik.api.constraints.NotEmpty String> names) {
    DataType type = DataType.mapOf(DataType.TEXT, DataType.listOf(DataType.TEXT));
    Map<String, List<String>> value = Map.of("names", names);
    assertThat(ValueDecoder.decode(type, TypedEncoder.encode(value, type))).isEqualTo(value);
  }

  @Test
  void should_name_both_types_on_a_mismatch() {
    assertThatThrownBy(() -> TypedEncoder.encode("x", DataType.BIGINT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bigint")
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void should_refuse_non_ascii_text_for_ascii() {
    assertThatThrownBy(() -> TypedEncoder.encode("café", DataType.ASCII)).hasMessageContaining("US-ASCII");
  }

  @Test
  void should_refuse_a_random_uuid_for_timeuuid() {
    assertThatThrownBy(() -> TypedEncoder.encode(UUID.randomUUID(), DataType.TIMEUUID)).hasMessageContaining("version 1");
  }

  @Test
  void should_refuse_null_elements_in_collections() {
    List<String> withNull = new java.util.ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> TypedEncoder.encode(withNull, DataType.listOf(DataType.TEXT))).hasMessageContaining("null");
  }

  @Test
  void should_keep_null_and_unset_distinct() {
    assertThat(TypedEncoder.encode(null, DataType.INT)).isNull();
    assertThat(TypedEncoder.encode(Unset.VALUE, DataType.INT)).isSameAs(Primitives.UNSET);
    assertThat(TypedEncoder.encode("", DataType.TEXT)).isNotSameAs(Primitives.UNSET).isEqualTo(ByteBuffer.allocate(0));
  }
}
