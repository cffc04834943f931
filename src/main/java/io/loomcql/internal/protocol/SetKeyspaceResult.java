package io.loomcql.internal.protocol;

/** RESULT Set_keyspace: the answer to USE; the connection now defaults to that keyspace. */
public record SetKeyspaceResult(String keyspace) implements Result {}
