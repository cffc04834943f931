package io.loomcql.internal.protocol;

import io.loomcql.ConsistencyLevel;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/** The code-specific fields that follow {@code <code><message>} in an ERROR body. */
public sealed interface ErrorDetails {

  /** Codes with no extra fields. */
  record None() implements ErrorDetails {
    public static final None INSTANCE = new None();
  }

  record Unavailable(ConsistencyLevel consistency, int required, int alive) implements ErrorDetails {}

  /** {@code contentions} is present only for CAS writes on v5, else -1. */
  record WriteTimeout(ConsistencyLevel consistency, int received, int blockFor, String writeType, int contentions)
      implements ErrorDetails {}

  record ReadTimeout(ConsistencyLevel consistency, int received, int blockFor, boolean dataPresent)
      implements ErrorDetails {}

  /** Up to v4 only the failure count is sent; v5 sends a reason per failed replica. */
  record ReadFailure(
      ConsistencyLevel consistency,
      int received,
      int blockFor,
      int failures,
      Map<InetAddress, Integer> reasons,
      boolean dataPresent)
      implements ErrorDetails {}

  record WriteFailure(
      ConsistencyLevel consistency,
      int received,
      int blockFor,
      int failures,
      Map<InetAddress, Integer> reasons,
      String writeType)
      implements ErrorDetails {}

  record CasWriteUnknown(ConsistencyLevel consistency, int received, int blockFor) implements ErrorDetails {}

  record FunctionFailure(String keyspace, String function, List<String> argumentTypes) implements ErrorDetails {}

  record AlreadyExists(String keyspace, String table) implements ErrorDetails {}

  record Unprepared(ByteBuffer id) implements ErrorDetails {}
}
