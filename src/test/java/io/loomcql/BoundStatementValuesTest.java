package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.internal.codec.TypedEncoder;
import io.loomcql.internal.protocol.Primitives;
import io.loomcql.type.DataType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Bound values kept in wire form: the same bytes, checks and errors as one buffer per value. */
class BoundStatementValuesTest {

  private record Prepared(ColumnDefinitions variableDefinitions, List<Integer> partitionKeyIndices)
      implements PreparedStatement {
    Prepared(List<Integer> keys, DataType... types) {
      this(definitions(types), keys);
    }

    @Override
    public String query() {
      return "INSERT ...";
    }

    @Override
    public ColumnDefinitions resultDefinitions() {
      return ColumnDefinitions.of(List.of());
    }

    @Override
    public ByteBuffer id() {
      return ByteBuffer.allocate(0);
    }

    @Override
    public String keyspace() {
      return "ks";
    }

    private static ColumnDefinitions definitions(DataType... types) {
      List<ColumnDefinition> columns = new ArrayList<>();
      for (int i = 0; i < types.length; i++) {
        columns.add(new ColumnDefinition("ks", "t", "c" + i, types[i]));
      }
      return ColumnDefinitions.of(columns);
    }
  }

  private static final Prepared NUMBERS = new Prepared(List.of(0), DataType.BIGINT, DataType.INT, DataType.SMALLINT,
      DataType.TINYINT, DataType.BOOLEAN, DataType.DOUBLE, DataType.FLOAT, DataType.COUNTER);

  @Property
  void should_serialize_numbers_as_the_per_value_encoder_does(
      @ForAll long a, @ForAll int b, @ForAll short c, @ForAll byte d, @ForAll boolean e, @ForAll double f,
      @ForAll float g, @ForAll long h) {
    Object[] values = {a, b, c, d, e, f, g, h};
    BoundStatement bound = NUMBERS.bind(values);
    assertThat(bound.serializedValues()).hasSize(values.length);
    for (int i = 0; i < values.length; i++) {
      assertThat(bound.serializedValues().get(i))
          .isEqualTo(TypedEncoder.encode(values[i], NUMBERS.variableDefinitions().get(i).type()));
      assertThat(bound.isSet(i)).isTrue();
    }
  }

  @Test
  void should_keep_nulls_and_leave_missing_markers_unset() {
    BoundStatement bound = NUMBERS.bind(1L, null, 3, Unset.VALUE);
    assertThat(bound.serializedValues().get(1)).isNull();
    assertThat(bound.serializedValues().get(3)).isSameAs(Primitives.UNSET);
    assertThat(bound.serializedValues().get(7)).isSameAs(Primitives.UNSET);
    assertThat(bound.isSet(1)).isTrue();
    assertThat(bound.isSet(3)).isFalse();
    assertThat(bound.isSet(7)).isFalse();
    assertThat(bound.serializedValues().get(2)).isEqualTo(ByteBuffer.allocate(2).putShort(0, (short) 3));
  }

  @Test
  void should_name_the_marker_when_a_number_does_not_fit() {
    assertThatThrownBy(() -> NUMBERS.bind(1L, 1L << 40))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot bind value #2 to 'c1' (CQL int)")
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> NUMBERS.bind("one"))
        .hasMessageContaining("cannot bind value #1 to 'c0' (CQL bigint)")
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void should_mix_numbers_with_other_types() {
    Prepared mixed = new Prepared(List.of(1), DataType.BIGINT, DataType.TEXT, DataType.listOf(DataType.INT));
    BoundStatement bound = mixed.bind(7L, "key", List.of(1, 2));
    assertThat(bound.serializedValues().get(0)).isEqualTo(TypedEncoder.encode(7L, DataType.BIGINT));
    assertThat(bound.serializedValues().get(1)).isEqualTo(TypedEncoder.encode("key", DataType.TEXT));
    assertThat(bound.serializedValues().get(2)).isEqualTo(TypedEncoder.encode(List.of(1, 2), mixed.variableDefinitions().get(2).type()));
    assertThat(bound.routingKey()).isEqualTo(TypedEncoder.encode("key", DataType.TEXT));
    assertThat(bound.routingKey().isReadOnly()).isTrue();
  }

  @Test
  void should_hand_out_read_only_views_that_leave_the_statement_as_it_was() {
    BoundStatement bound = NUMBERS.bind(42L);
    ByteBuffer first = bound.serializedValues().get(0);
    assertThat(first.isReadOnly()).isTrue();
    first.getLong();
    assertThat(bound.serializedValues().get(0).getLong()).isEqualTo(42L);
    assertThat(bound.routingKey().getLong(0)).isEqualTo(42L);
  }

  @Test
  void should_build_the_same_values_marker_by_marker() {
    BoundStatement built = NUMBERS.boundStatementBuilder().set(0, 5L).set(1, null).build();
    BoundStatement bound = NUMBERS.bind(5L, null);
    assertThat(built.serializedValues()).isEqualTo(bound.serializedValues());
  }
  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void should_check_the_value_against_the_declared_class() {
    BoundStatement typed = NUMBERS.boundStatementBuilder().set("c0", 5L, Long.class).set("c1", 7, int.class).build();
    assertThat(typed.serializedValues().subList(0, 2)).isEqualTo(NUMBERS.bind(5L, 7).serializedValues().subList(0, 2));
    assertThat(NUMBERS.boundStatementBuilder().set("c0", null, Long.class).build().serializedValues().get(0)).isNull();

    Class raw = String.class; // what an unchecked call can pass
    assertThatThrownBy(() -> NUMBERS.boundStatementBuilder().set("c0", 5L, raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("marker 0 (c0)")
        .hasMessageContaining("java.lang.Long, not the declared java.lang.String");
    assertThatThrownBy(() -> NUMBERS.boundStatementBuilder().set("c0", 5L, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void should_not_copy_a_blob_at_bind_time() {
    Prepared blobs = new Prepared(List.of(0), DataType.BLOB);
    ByteBuffer blob = ByteBuffer.wrap(new byte[] {1, 2, 3});
    ByteBuffer bound = blobs.bind(blob).serializedValues().get(0);
    assertThat(bound).isEqualTo(blob);
    assertThat(bound.array()).isSameAs(blob.array());
  }

  @Test
  void should_build_a_composite_routing_key_without_moving_the_values() {
    Prepared composite = new Prepared(List.of(0, 1), DataType.BIGINT, DataType.TEXT);
    BoundStatement bound = composite.bind(7L, "k");
    ByteBuffer expected = ByteBuffer.allocate(2 + 8 + 1 + 2 + 1 + 1)
        .putShort((short) 8).putLong(7L).put((byte) 0).putShort((short) 1).put((byte) 'k').put((byte) 0).flip();
    assertThat(bound.routingKey()).isEqualTo(expected);
    assertThat(bound.routingKey()).isEqualTo(expected);
    assertThat(bound.serializedValues().get(1).remaining()).isEqualTo(1);
  }
}
