/**
 * The exceptions the driver throws, all unchecked under {@link io.loomcql.error.DriverException}:
 * one class per server error code (under {@link io.loomcql.error.CoordinatorException}, with the
 * coordinator and the server's message) and the client-side failures (timeouts, broken
 * connections, no host available).
 */
package io.loomcql.error;
