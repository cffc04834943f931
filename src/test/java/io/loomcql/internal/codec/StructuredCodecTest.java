package io.loomcql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.type.CqlDuration;
import io.loomcql.type.CqlVector;
import io.loomcql.type.DataType;
import io.loomcql.type.NativeType;
import io.loomcql.type.TupleType;
import io.loomcql.type.UdtValue;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class StructuredCodecTest {
  private static final UserDefinedType ADDRESS = new UserDefinedType("ks", "address",
      List.of("street", "zip", "tags"), List.of(DataType.TEXT, DataType.INT, DataType.setOf(DataType.TEXT)), true);

  record Typed(DataType type, Object value) {}

  @Provide
  Arbitrary<Typed> anyTypedValue() {
    Arbitrary<DataType> natives = Arbitraries.of(NativeType.class).map(t -> (DataType) t);
    Arbitrary<DataType> vectors = Combinators.combine(
        Arbitraries.oneOf(natives, natives.map(t -> (DataType) new io.loomcql.type.ListType(t, true)),
            Arbitraries.just(ADDRESS), natives.map(t -> (DataType) new VectorType(t, 2))),
        Arbitraries.integers().between(1, 4)).as(VectorType::new);
    Arbitrary<DataType> structured = Arbitraries.oneOf(
        natives.list().ofMinSize(1).ofMaxSize(4).map(l -> (DataType) new TupleType(l)),
        Arbitraries.just(ADDRESS),
        Arbitraries.just(DataType.listOf(ADDRESS)),
        Arbitraries.just(DataType.mapOf(DataType.TEXT, new TupleType(List.of(ADDRESS, DataType.DURATION)))),
        vectors);
    return Arbitraries.oneOf(natives, structured).flatMap(t -> CqlValues.of(t).map(v -> new Typed(t, v)));
  }

  @Property(tries = 2000)
  void should_round_trip_every_type_when_encoded_for_its_cql_type(@ForAll("anyTypedValue") Typed typed) {
    ByteBuffer encoded = TypedEncoder.encode(typed.value(), typed.type());
    assertThat(ValueDecoder.decode(typed.type(), encoded)).isEqualTo(typed.value());
  }

  @Property
  void should_round_trip_durations_when_parts_share_a_sign(@ForAll("durations") CqlDuration duration) {
    assertThat(ValueDecoder.decode(DataType.DURATION, InferredEncoder.encode(duration))).isEqualTo(duration);
    assertThat(CqlDuration.parse(duration.toString())).satisfiesAnyOf(
        parsed -> assertThat(parsed).isEqualTo(duration),
        parsed -> assertThat(duration.nanoseconds()).isEqualTo(Long.MIN_VALUE));
  }

  @Provide
  Arbitrary<CqlDuration> durations() {
    return CqlValues.durations();
  }

  @Property
  void should_round_trip_vints_when_any_long(@ForAll long value) {
    ByteBuffer out = ByteBuffer.allocate(9);
    VInts.writeSigned(value, out);
    assertThat(out.position()).isEqualTo(VInts.sizeOfSigned(value));
    assertThat(VInts.readSigned(out.flip())).isEqualTo(value);
    out.clear();
    VInts.writeUnsigned(value, out);
    assertThat(VInts.readUnsigned(out.flip())).isEqualTo(value);
  }

  @Test
  void should_write_float_vectors_without_length_prefixes_when_elements_are_fixed_size() {
    VectorType type = new VectorType(DataType.FLOAT, 3);
    ByteBuffer encoded = TypedEncoder.encode(new float[] {1f, 2f, 3f}, type);
    assertThat(encoded.remaining()).isEqualTo(12);
    assertThat(encoded.getFloat(8)).isEqualTo(3f);
    assertThat(InferredEncoder.encode(CqlVector.of(1f, 2f, 3f))).isEqualTo(encoded);
  }

  @Test
  void should_prefix_each_text_element_with_an_unsigned_vint_when_elements_are_variable_size() {
    ByteBuffer encoded = TypedEncoder.encode(CqlVector.of("ab", ""), new VectorType(DataType.TEXT, 2));
    assertThat(encoded).isEqualTo(ByteBuffer.wrap(new byte[] {2, 'a', 'b', 0}));
    assertThat(InferredEncoder.encode(CqlVector.of("ab", ""))).isEqualTo(encoded);
  }

  @Test
  void should_reject_a_vector_when_its_size_differs_from_the_dimension() {
    assertThatThrownBy(() -> TypedEncoder.encode(CqlVector.of(1f, 2f), new VectorType(DataType.FLOAT, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly 3");
  }

  @Test
  void should_name_the_field_when_a_udt_field_has_the_wrong_type() {
    assertThatThrownBy(() -> ADDRESS.newValue().with("ZIP", "not a number"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zip")
        .hasMessageContaining("int");
  }

  @Test
  void should_find_fields_case_insensitively_unless_quoted() {
    UdtValue value = ADDRESS.newValue().with("Street", "Main").with("\"zip\"", 42);
    assertThat(value.getString("STREET")).isEqualTo("Main");
    assertThat(value.getInt("zip")).isEqualTo(42);
    assertThatThrownBy(() -> value.getString("\"Street\"")).hasMessageContaining("no field");
  }

  @Test
  void should_bind_a_udt_built_from_an_older_definition_when_the_type_gained_a_field() {
    UserDefinedType older = new UserDefinedType("ks", "address", List.of("street"), List.of(DataType.TEXT), true);
    ByteBuffer encoded = TypedEncoder.encode(older.newValue().with("street", "Main"), ADDRESS);
    UdtValue read = (UdtValue) ValueDecoder.decode(ADDRESS, encoded);
    assertThat(read.getString("street")).isEqualTo("Main");
    assertThat(read.isNull("zip")).isTrue();
  }

  @Test
  void should_encode_tuples_and_udts_from_their_own_types_when_inferred() {
    TupleType type = new TupleType(List.of(DataType.INT, DataType.TEXT));
    assertThat(InferredEncoder.encode(type.newValue(1, "a"))).isEqualTo(TypedEncoder.encode(type.newValue(1, "a"), type));
    assertThat(ValueDecoder.decode(DataType.mapOf(DataType.TEXT, type),
        TypedEncoder.encode(Map.of("k", type.newValue(1)), DataType.mapOf(DataType.TEXT, type))))
        .isEqualTo(Map.of("k", type.newValue(1, null)));
  }
}
