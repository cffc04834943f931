/**
 * One TCP connection to a node: stream-id multiplexing, one reader and one coalescing writer
 * (virtual threads), the STARTUP/authentication handshake.
 */
package io.loomcql.internal.connection;
