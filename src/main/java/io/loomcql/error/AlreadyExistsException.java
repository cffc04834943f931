package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x2400: a CREATE named a keyspace or table that already exists. */
public class AlreadyExistsException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  private final String keyspace;
  private final String table;

  public AlreadyExistsException(InetSocketAddress coordinator, String serverMessage, String keyspace, String table) {
    super(coordinator, serverMessage);
    this.keyspace = keyspace;
    this.table = table;
  }

  public String keyspace() {
    return keyspace;
  }

  /** The table's name, or the empty string when the keyspace itself already exists. */
  public String table() {
    return table;
  }
}
