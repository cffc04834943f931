package io.loomcql.internal.metadata.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.type.CustomType;
import io.loomcql.type.DataType;
import io.loomcql.type.ListType;
import io.loomcql.type.MapType;
import io.loomcql.type.NativeType;
import io.loomcql.type.SetType;
import io.loomcql.type.TupleType;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class CqlTypeParserTest {
  private static final UserDefinedType ADDRESS = udt("address");
  private static final Map<String, UserDefinedType> KNOWN = Map.of("address", ADDRESS, "Odd \"Name\"", udt("Odd \"Name\""));

  @Property(tries = 500)
  void should_read_back_every_type_it_renders(@ForAll("types") DataType type) {
    String cql = CqlTypes.render(type);
    Map<String, UserDefinedType> mentioned = new HashMap<>();
    collectUserTypes(type, mentioned);

    assertThat(CqlTypeParser.parse(cql, mentioned::get)).as(cql).isEqualTo(type);
  }

  @Test
  void should_read_the_type_strings_system_schema_stores() {
    assertThat(parse("frozen<map<text, frozen<address>>>"))
        .isEqualTo(new MapType(DataType.TEXT, frozen(ADDRESS), true));
    assertThat(parse("vector<float, 3>")).isEqualTo(new VectorType(DataType.FLOAT, 3));
    assertThat(parse("frozen<tuple<int, text>>")).isEqualTo(new TupleType(List.of(DataType.INT, DataType.TEXT)));
    assertThat(parse("tuple<int,list<varchar>>"))
        .isEqualTo(new TupleType(List.of(DataType.INT, new ListType(DataType.TEXT, false))));
    assertThat(parse("set<frozen<list<int>>>")).isEqualTo(new SetType(new ListType(DataType.INT, true), false));
    assertThat(parse("'org.apache.cassandra.db.marshal.DynamicCompositeType(s=>UTF8Type)'"))
        .isEqualTo(new CustomType("org.apache.cassandra.db.marshal.DynamicCompositeType(s=>UTF8Type)"));
    assertThat(parse("frozen<\"Odd \"\"Name\"\"\">")).isEqualTo(frozen(KNOWN.get("Odd \"Name\"")));
    assertThat(parse(" Map < TEXT , address > ")).isEqualTo(new MapType(DataType.TEXT, ADDRESS, false));
    assertThat(parse("ks.address")).isEqualTo(ADDRESS);
  }

  @Test
  void should_name_the_user_types_a_type_string_mentions() {
    assertThat(CqlTypeParser.userTypeNames("map<frozen<a>, frozen<list<frozen<\"B\">>>>")).containsExactly("a", "B");
    assertThat(CqlTypeParser.userTypeNames("frozen<map<text, int>>")).isEmpty();
  }

  @Test
  void should_reject_malformed_strings_and_unknown_user_types_saying_where() {
    assertThatThrownBy(() -> parse("map<int>")).hasMessageContaining("'map<int>'").hasMessageContaining("expected ','");
    assertThatThrownBy(() -> parse("list<int")).hasMessageContaining("expected '>'");
    assertThatThrownBy(() -> parse("int int")).hasMessageContaining("unexpected text");
    assertThatThrownBy(() -> parse("vector<float, x>")).hasMessageContaining("dimension");
    assertThatThrownBy(() -> parse("frozen<nowhere>")).hasMessageContaining("unknown user type 'nowhere'");
    assertThatThrownBy(() -> parse("'unterminated")).hasMessageContaining("unterminated");
    assertThatThrownBy(() -> parse("list<".repeat(100) + "int" + ">".repeat(100))).hasMessageContaining("deeply");
  }

  private static DataType parse(String cql) {
    return CqlTypeParser.parse(cql, KNOWN::get);
  }

  @Provide
  Arbitrary<DataType> types() {
    return types(3);
  }

  private static Arbitrary<DataType> types(int depth) {
    Arbitrary<DataType> leaves = Arbitraries.oneOf(
        Arbitraries.of(NativeType.class).map(t -> (DataType) t),
        Combinators.combine(names(), Arbitraries.of(true, false)).as((name, f) -> f ? frozen(udt(name)) : udt(name)),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(12).map(s -> (DataType) new CustomType("org.ex." + s)));
    if (depth == 0) {
      return leaves;
    }
    Arbitrary<DataType> inner = Arbitraries.lazy(() -> types(depth - 1));
    Arbitrary<Boolean> frozen = Arbitraries.of(true, false);
    return Arbitraries.frequencyOf(
        Tuple.of(4, leaves),
        Tuple.of(1, Combinators.combine(inner, frozen).as((e, f) -> (DataType) new ListType(e, f))),
        Tuple.of(1, Combinators.combine(inner, frozen).as((e, f) -> (DataType) new SetType(e, f))),
        Tuple.of(1, Combinators.combine(inner, inner, frozen).as((k, v, f) -> (DataType) new MapType(k, v, f))),
        Tuple.of(1, inner.list().ofMinSize(1).ofMaxSize(3).map(c -> (DataType) new TupleType(c))),
        Tuple.of(1, Combinators.combine(inner, Arbitraries.integers().between(1, 4096))
            .as((e, d) -> (DataType) new VectorType(e, d))));
  }

  /** User type names, odd ones included; never a native type's name, which Cassandra refuses. */
  private static Arbitrary<String> names() {
    Set<String> natives = Set.of("varchar");
    return Arbitraries.oneOf(
            Arbitraries.of("address", "select", "Team", "list", "frozen", "with space", "quote\"d", "dotted.name"),
            Arbitraries.strings().withChars("aZ_9é\" .").ofMinLength(1).ofMaxLength(6))
        .filter(n -> !natives.contains(n) && java.util.Arrays.stream(NativeType.values()).noneMatch(t -> t.asCql().equals(n)));
  }

  private static UserDefinedType udt(String name) {
    return new UserDefinedType("ks", name, List.of(name + "_f"), List.of(DataType.INT), false);
  }

  private static UserDefinedType frozen(UserDefinedType type) {
    return new UserDefinedType(type.keyspace(), type.name(), type.fieldNames(), type.fieldTypes(), true);
  }

  private static void collectUserTypes(DataType type, Map<String, UserDefinedType> into) {
    switch (type) {
      case UserDefinedType u -> into.put(u.name(), udt(u.name()));
      case ListType l -> collectUserTypes(l.elementType(), into);
      case SetType s -> collectUserTypes(s.elementType(), into);
      case MapType m -> {
        collectUserTypes(m.keyType(), into);
        collectUserTypes(m.valueType(), into);
      }
      case TupleType t -> t.componentTypes().forEach(c -> collectUserTypes(c, into));
      case VectorType v -> collectUserTypes(v.elementType(), into);
      default -> {}
    }
  }
}
