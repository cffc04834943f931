package io.loomcql.internal.protocol.segment;

import java.nio.ByteBuffer;

/**
 * One decoded v5 segment.
 *
 * @param payload the uncompressed payload, position 0 to limit; a view that stays valid only until
 *     the next call to the decoder that produced it or until the read buffer is reused (see {@link
 *     SegmentDecoder#next})
 * @param selfContained whether the payload is a run of whole envelopes (else a slice of one large
 *     envelope)
 */
public record Segment(ByteBuffer payload, boolean selfContained) {}
