/**
 * The outer framing of protocol v5 (v5 spec, sections 1 and 2): after the handshake every byte on
 * a v5 connection travels in CRC-protected frames, called segments here to keep "frame" for the
 * v4-style frame (the spec's "envelope") that {@link io.loomcql.internal.protocol.FrameCodec}
 * encodes. A self-contained segment holds whole envelopes; an envelope larger than a segment is
 * cut across consecutive non-self-contained ones.
 *
 * <p>Writer side: {@link io.loomcql.internal.protocol.segment.SegmentPacker} packs envelopes into
 * segments in the writer's output buffer. Reader side: {@link
 * io.loomcql.internal.protocol.segment.SegmentDecoder} cuts the read buffer into segments, then
 * {@link io.loomcql.internal.protocol.segment.EnvelopeAssembler} turns their payloads back into
 * envelopes. Pure code over buffers, like the rest of the protocol package: no sockets, no threads.
 */
package io.loomcql.internal.protocol.segment;
