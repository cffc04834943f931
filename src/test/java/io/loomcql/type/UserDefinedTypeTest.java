package io.loomcql.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserDefinedTypeTest {
  @Test
  void should_quote_only_the_names_cql_would_otherwise_change() {
    UserDefinedType plain = new UserDefinedType("shop", "address", List.of("street"), List.of(NativeType.TEXT), true);
    UserDefinedType mixedCase = new UserDefinedType("Shop", "HomeAddress", List.of("street"), List.of(NativeType.TEXT), false);
    UserDefinedType keyword = new UserDefinedType("shop", "select", List.of("street"), List.of(NativeType.TEXT), false);

    assertThat(plain.asCql()).isEqualTo("frozen<shop.address>");
    assertThat(mixedCase.asCql()).isEqualTo("\"Shop\".\"HomeAddress\"");
    assertThat(keyword.asCql()).isEqualTo("shop.\"select\"");
  }

  @Test
  void should_find_fields_ignoring_case_unless_quoted() {
    UserDefinedType type = new UserDefinedType(
        "shop", "t", List.of("zip", "Zip"), List.of(NativeType.TEXT, NativeType.INT), false);

    assertThat(type.indexOf("zip")).isEqualTo(0);
    assertThat(type.indexOf("\"Zip\"")).isEqualTo(1);
    assertThat(type.indexOf("ZIP")).isEqualTo(0);
    assertThat(type.indexOf("street")).isEqualTo(-1);
  }
}
