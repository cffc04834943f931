package io.loomcql.error;

import java.net.InetSocketAddress;
import java.util.List;

/** Error code 0x1400: a user-defined function threw while the node executed it. */
public class FunctionFailureException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  private final String keyspace;
  private final String function;
  private final transient List<String> argumentTypes;

  /**
   * Creates the exception for a FUNCTION_FAILURE error.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   * @param keyspace the keyspace of the function
   * @param function the function's name
   * @param argumentTypes the CQL type of each argument; copied
   */
  public FunctionFailureException(
      InetSocketAddress coordinator, String serverMessage, String keyspace, String function, List<String> argumentTypes) {
    super(coordinator, serverMessage);
    this.keyspace = keyspace;
    this.function = function;
    this.argumentTypes = List.copyOf(argumentTypes);
  }

  /**
   * The keyspace of the function that failed.
   *
   * @return the keyspace's name
   */
  public String keyspace() {
    return keyspace;
  }

  /**
   * The name of the function that failed, without its keyspace.
   *
   * @return the function's name
   */
  public String function() {
    return function;
  }

  /**
   * The CQL type of each argument, which tells overloads apart.
   *
   * @return the types, in order; unmodifiable, and {@code null} after the exception was
   *     deserialized
   */
  public List<String> argumentTypes() {
    return argumentTypes;
  }
}
