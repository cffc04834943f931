package io.loomcql.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.ProtocolVersion;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitraries;
import java.nio.ByteBuffer;

class FrameCodecPropertiesTest {

  @Provide
  Arbitrary<Frame> anyFrame() {
    return Arbitraries.of(ProtocolVersion.V3, ProtocolVersion.V4, ProtocolVersion.V5).flatMap(MessageArbitraries::frames);
  }

  @Property(tries = 2000)
  void should_decode_what_it_encoded(@ForAll("anyFrame") Frame frame) {
    int size = FrameCodec.encodedSize(frame);
    ByteBuffer buffer = ByteBuffer.allocate(size + 7);
    buffer.position(3); // frames are written mid-buffer by the writer
    FrameCodec.encode(frame, buffer);

    assertThat(buffer.position() - 3).as("bytes written vs encodedSize").isEqualTo(size);
    buffer.flip().position(3);
    Frame decoded = FrameCodec.decode(buffer, frame.isResponse(), FrameCodec.DEFAULT_MAX_BODY_LENGTH);
    assertThat(decoded).isEqualTo(frame);
    assertThat(buffer.position()).isEqualTo(3 + size);
  }
}
