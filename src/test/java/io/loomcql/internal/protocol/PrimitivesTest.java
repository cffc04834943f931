package io.loomcql.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PrimitivesTest {

  @Property(tries = 3000)
  void should_encode_strings_exactly_as_the_jdk_does(@ForAll String value) {
    byte[] expected = value.getBytes(StandardCharsets.UTF_8);
    assertThat(Primitives.utf8Length(value)).isEqualTo(expected.length);
    ByteBuffer out = ByteBuffer.allocate(expected.length);
    Primitives.putUtf8(value, out);
    assertThat(out.array()).isEqualTo(expected);
  }

  @Property
  void should_round_trip_long_strings(@ForAll String value) {
    ByteBuffer out = ByteBuffer.allocate(Primitives.sizeOfLongString(value));
    Primitives.writeLongString(value, out);
    assertThat(out.remaining()).isZero();
    String decoded = Primitives.readLongString(out.flip());
    assertThat(decoded).isEqualTo(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
  }
}
