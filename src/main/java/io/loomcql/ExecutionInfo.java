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
 * @param schemaInAgreement false only after a DDL statement when the nodes did not agree on the
 *     schema within {@code withMaxSchemaAgreementWait}
 */
public record ExecutionInfo(
    Host coordinator,
    List<Host> triedHosts,
    List<String> warnings,
    UUID tracingId,
    int speculativeExecutions,
    boolean schemaInAgreement) {
  public ExecutionInfo {
    triedHosts = List.copyOf(triedHosts);
    warnings = List.copyOf(warnings);
  }

  /** Whether the nodes agreed on the schema when a DDL statement returned (always true for others). */
  public boolean isSchemaInAgreement() {
    return schemaInAgreement;
  }
}
