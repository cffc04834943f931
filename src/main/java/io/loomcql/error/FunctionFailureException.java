package io.loomcql.error;

import java.net.InetSocketAddress;
import java.util.List;

/** Error code 0x1400: a user-defined function threw while the node executed it. */
public class FunctionFailureException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  private final String keyspace;
  private final String function;
  private final transient List<String> argumentTypes;

  public FunctionFailureException(
      InetSocketAddress coordinator, String serverMessage, String keyspace, String function, List<String> argumentTypes) {
    super(coordinator, serverMessage);
    this.keyspace = keyspace;
    this.function = function;
    this.argumentTypes = List.copyOf(argumentTypes);
  }

  public String keyspace() {
    return keyspace;
  }

  public String function() {
    return function;
  }

  /** CQL type of each argument, which tells overloads apart. */
  public List<String> argumentTypes() {
    return argumentTypes;
  }
}
