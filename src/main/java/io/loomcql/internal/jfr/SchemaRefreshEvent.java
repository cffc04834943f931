package io.loomcql.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The driver read schema metadata again: all of it, or what some changes touched. */
@Name("io.loomcql.SchemaRefresh")
@Label("CQL Schema Refresh")
@Category("loomcql")
@StackTrace(false)
public final class SchemaRefreshEvent extends jdk.jfr.Event {
  @Label("Scope")
  public String scope; // "full", or the number of targeted changes

  @Label("Keyspaces")
  public int keyspaces;
}
