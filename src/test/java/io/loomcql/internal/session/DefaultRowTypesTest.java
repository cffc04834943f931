package io.loomcql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.ColumnDefinition;
import io.loomcql.ColumnDefinitions;
import io.loomcql.ProtocolVersion;
import io.loomcql.Row;
import io.loomcql.internal.codec.TypedEncoder;
import io.loomcql.internal.protocol.RowsMetadata;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.type.CodecRegistry;
import io.loomcql.type.CqlDuration;
import io.loomcql.type.CqlVector;
import io.loomcql.type.DataType;
import io.loomcql.type.TupleType;
import io.loomcql.type.TypeCodec;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultRowTypesTest {
  enum Color { RED, GREEN }

  private static final UserDefinedType POINT =
      new UserDefinedType("ks", "point", List.of("x", "y"), List.of(DataType.INT, DataType.INT), true);
  private static final TupleType PAIR = new TupleType(List.of(DataType.TEXT, DataType.BIGINT));

  private static Row row(List<DataType> types, Object... values) {
    List<ColumnDefinition> columns = new ArrayList<>();
    List<ByteBuffer> cells = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      columns.add(new ColumnDefinition("ks", "t", "c" + i, types.get(i)));
      cells.add(TypedEncoder.encode(values[i], types.get(i)));
    }
    RowsResult rows = RowsResult.of(RowsMetadata.of(columns, null), List.of(cells));
    return new DefaultRow(new PageData(ColumnDefinitions.of(columns), rows), 0);
  }

  @Test
  void should_read_every_structured_type_when_the_getter_matches_the_column() {
    Row row = row(List.of(DataType.DURATION, new VectorType(DataType.FLOAT, 2), DataType.listOf(DataType.INT),
            DataType.setOf(DataType.TEXT), DataType.mapOf(DataType.TEXT, POINT), POINT, PAIR),
        CqlDuration.parse("1h"), new float[] {1f, 2f}, List.of(1, 2), Set.of("a"),
        Map.of("p", POINT.newValue().with("x", 1)), POINT.newValue().with("y", 2), PAIR.newValue("a", 3L));
    assertThat(row.getDuration("c0")).isEqualTo(CqlDuration.parse("60m"));
    assertThat(row.getVector(1, Float.class)).isEqualTo(CqlVector.of(1f, 2f));
    assertThat(row.getList(2, Integer.class)).containsExactly(1, 2);
    assertThat(row.getSet(3, String.class)).containsExactly("a");
    assertThat(row.getMap(4, String.class, io.loomcql.type.UdtValue.class).get("p").getInt("x")).isEqualTo(1);
    assertThat(row.getUdtValue(5).getInt("y")).isEqualTo(2);
    assertThat(row.getTupleValue(6).getLong(1)).isEqualTo(3L);
  }

  @Test
  void should_return_empty_collections_and_nulls_when_cells_are_null() {
    Row row = row(List.of(DataType.listOf(DataType.INT), DataType.DURATION, POINT, new VectorType(DataType.TEXT, 2)),
        null, null, null, null);
    assertThat(row.getList(0, Integer.class)).isEmpty();
    assertThat(row.getDuration(1)).isNull();
    assertThat(row.getUdtValue(2)).isNull();
    assertThat(row.getVector(3, String.class)).isNull();
  }

  @Test
  void should_name_the_column_and_both_types_when_the_getter_does_not_fit() {
    Row row = row(List.of(DataType.listOf(DataType.INT), DataType.TEXT), List.of(1), "x");
    assertThatThrownBy(() -> row.getList(0, String.class))
        .hasMessageContaining("c0").hasMessageContaining("list<int>").hasMessageContaining("java.lang.String");
    assertThatThrownBy(() -> row.getDuration(1)).hasMessageContaining("c1").hasMessageContaining("text")
        .hasMessageContaining("duration");
    assertThatThrownBy(() -> row.getUdtValue(1)).hasMessageContaining("c1");
  }

  @Test
  void should_use_a_registered_codec_when_the_java_type_is_not_built_in() {
    CodecRegistry.DEFAULT.register(TypeCodec.enumAsText(Color.class));
    Row row = row(List.of(DataType.TEXT), Color.GREEN);
    assertThat(row.get(0, Color.class)).isEqualTo(Color.GREEN);
    assertThat(row.getString(0)).isEqualTo("GREEN");
    assertThat(TypedEncoder.encode("plain", DataType.TEXT)).isEqualTo(TypedEncoder.encode("plain", DataType.TEXT));
    assertThat(CodecRegistry.DEFAULT.codecFor(DataType.TEXT, Color.class).decode(null, ProtocolVersion.V4)).isNull();
  }
}
