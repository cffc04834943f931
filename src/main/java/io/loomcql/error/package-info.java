/**
 * The exceptions the driver throws, all unchecked under {@link io.loomcql.error.DriverException}:
 * one class per server error code (under {@link io.loomcql.error.CoordinatorException}, with the
 * coordinator and the server's message) and the client-side failures (timeouts, broken
 * connections, no host available).
 *
 * <p>They are {@link java.io.Serializable} only because every {@link Throwable} is: the serialized
 * form is not part of the API, and the node addresses they carry are transient.
 *
 * @serial exclude
 */
package io.loomcql.error;
