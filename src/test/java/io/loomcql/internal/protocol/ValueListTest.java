package io.loomcql.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueListTest {
  private static final ByteBuffer[] VALUES = {
    ByteBuffer.allocate(8).putLong(0, 42), null, Primitives.UNSET, ByteBuffer.wrap(new byte[] {1, 2, 3}), ByteBuffer.allocate(0)
  };

  @Test
  void should_encode_an_execute_as_separate_buffers_do() {
    for (ProtocolVersion version : List.of(ProtocolVersion.V4, ProtocolVersion.V5)) {
      ByteBuffer id = ByteBuffer.wrap(new byte[] {9, 9});
      Execute wire = new Execute(id, null, QueryOptions.of(ConsistencyLevel.ONE, ValueList.of(VALUES)));
      Execute separate = new Execute(id, null, QueryOptions.of(ConsistencyLevel.ONE, Arrays.asList(VALUES)));
      assertThat(encode(wire, version)).isEqualTo(encode(separate, version));
      Frame decoded = FrameCodec.decode(encode(wire, version), false, Integer.MAX_VALUE);
      assertThat(((Execute) decoded.message()).options().values()).isEqualTo(Arrays.asList(VALUES));
    }
  }

  @Test
  void should_send_no_values_flag_for_an_empty_list() {
    ByteBuffer id = ByteBuffer.wrap(new byte[] {9});
    Execute wire = new Execute(id, null, QueryOptions.of(ConsistencyLevel.ONE, ValueList.of(new ByteBuffer[0])));
    Execute none = new Execute(id, null, QueryOptions.of(ConsistencyLevel.ONE, List.of()));
    assertThat(encode(wire, ProtocolVersion.V4)).isEqualTo(encode(none, ProtocolVersion.V4));
  }

  @Test
  void should_read_back_each_value_without_moving_the_source() {
    ValueList list = ValueList.of(VALUES);
    assertThat(VALUES[0].position()).isZero();
    assertThat(list).hasSize(5);
    assertThat(list.get(0).getLong(0)).isEqualTo(42);
    assertThat(list.get(1)).isNull();
    assertThat(list.get(2)).isSameAs(Primitives.UNSET);
    assertThat(list.isUnset(2)).isTrue();
    assertThat(list.isUnset(4)).isFalse();
    assertThat(list.get(3)).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    assertThat(list.get(4).remaining()).isZero();
    assertThat(list.encodedSize()).isEqualTo(4 * 5 + 8 + 3);
  }

  private static ByteBuffer encode(Execute message, ProtocolVersion version) {
    ByteBuffer out = ByteBuffer.allocate(1024);
    FrameCodec.encode(Frame.of(version, 1, message), out);
    return out.flip();
  }
}
