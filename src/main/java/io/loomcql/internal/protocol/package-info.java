/**
 * The native protocol as values and pure codecs: frames, messages and their fields over
 * {@link java.nio.ByteBuffer}, with no sockets and no threads. Test servers reuse these codecs, so
 * the fake nodes speak exactly what the driver parses.
 */
package io.loomcql.internal.protocol;
