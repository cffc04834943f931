package io.loomcql.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A caller found every stream id of a connection taken and had to wait for one. */
@Name("io.loomcql.PoolSaturation")
@Label("CQL Pool Saturation")
@Category("loomcql")
@Description("A request waited for a free stream id")
@StackTrace(false)
@Enabled(false) // as frequent as requests when a pool is saturated: recorded only when asked for
public final class PoolWaitEvent extends jdk.jfr.Event {
  @Label("Connection")
  public String connection;

  @Label("Got One")
  @Description("False if none freed before the request's deadline")
  public boolean acquired;
}
