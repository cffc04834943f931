package io.loomcql;

import io.loomcql.metadata.Host;
import java.util.List;
import java.util.UUID;

/**
 * How a request was executed.
 *
 * @param coordinator the node that answered
 * @param triedHosts every node the request was sent to, in order
 * @param warnings warnings the server attached to its response
 * @param tracingId the trace's session id when tracing was on, else null
 * @param speculativeExecutions extra executions started beyond the first
 */
public record ExecutionInfo(
    Host coordinator, List<Host> triedHosts, List<String> warnings, UUID tracingId, int speculativeExecutions) {
  public ExecutionInfo {
    triedHosts = List.copyOf(triedHosts);
    warnings = List.copyOf(warnings);
  }
}
