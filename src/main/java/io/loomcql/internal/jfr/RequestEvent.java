package io.loomcql.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One request, from {@code execute} to its result or error. Never carries bound values. */
@Name("io.loomcql.Request")
@Label("CQL Request")
@Category("loomcql")
@Description("A request from execute to its result or error")
@StackTrace(false)
@Enabled(false) // one per request: too many for an always-on recording, so it is recorded only when asked for
public final class RequestEvent extends jdk.jfr.Event {
  @Label("Statement Kind")
  public String statementKind;

  @Label("Query")
  @Description("The CQL text (never the bound values); for a batch, its size")
  public String query;

  @Label("Coordinator")
  public String coordinator;

  @Label("Attempts")
  public int attempts;

  @Label("Speculative Executions")
  public int speculativeExecutions;

  @Label("Error")
  public String error;
}
