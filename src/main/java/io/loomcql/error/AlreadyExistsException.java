package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x2400: a CREATE named a keyspace or table that already exists. */
public class AlreadyExistsException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  private final String keyspace;
  private final String table;

  /**
   * Creates the exception for an ALREADY_EXISTS error.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   * @param keyspace the keyspace named by the CREATE
   * @param table the table named by the CREATE, or the empty string for a CREATE KEYSPACE
   */
  public AlreadyExistsException(InetSocketAddress coordinator, String serverMessage, String keyspace, String table) {
    super(coordinator, serverMessage);
    this.keyspace = keyspace;
    this.table = table;
  }

  /**
   * The keyspace that already exists, or that holds the table that already exists.
   *
   * @return the keyspace's name
   */
  public String keyspace() {
    return keyspace;
  }

  /**
   * The table that already exists.
   *
   * @return the table's name, or the empty string when the keyspace itself already exists
   */
  public String table() {
    return table;
  }
}
