package io.loomcql.internal.metadata.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RoutingKeysTest {
  private static String hex(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Test
  void should_write_length_bytes_and_end_of_component_when_the_key_has_several_columns() {
    ByteBuffer id = ByteBuffer.allocate(4).putInt(0, 7);
    ByteBuffer name = ByteBuffer.wrap(new byte[] {'a', 'b'});

    ByteBuffer key = RoutingKeys.compose(id, name);

    assertThat(hex(key)).isEqualTo("0004" + "00000007" + "00" + "0002" + "6162" + "00");
    assertThat(id.remaining()).isEqualTo(4);
    assertThat(name.remaining()).isEqualTo(2);
  }

  @Test
  void should_compose_empty_components_when_a_column_value_is_empty() {
    assertThat(hex(RoutingKeys.compose(ByteBuffer.allocate(0), ByteBuffer.wrap(new byte[] {1}))))
        .isEqualTo("000000" + "00010100");
  }

  @Test
  void should_use_the_value_itself_when_the_key_has_one_column() {
    ByteBuffer only = ByteBuffer.wrap(new byte[] {9, 8, 7}, 1, 2);

    assertThat(hex(RoutingKeys.compose(only))).isEqualTo("0807");
  }

  @Test
  void should_reject_components_that_cannot_be_composed() {
    assertThatThrownBy(RoutingKeys::compose).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RoutingKeys.compose(ByteBuffer.allocate(1), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("component 1");
    assertThatThrownBy(() -> RoutingKeys.compose(ByteBuffer.allocate(1), ByteBuffer.allocate(65536)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
    assertThat(RoutingKeys.compose(ByteBuffer.allocate(65536)).remaining()).isEqualTo(65536);
  }
}
