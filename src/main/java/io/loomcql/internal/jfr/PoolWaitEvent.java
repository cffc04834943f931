package io.loomcql.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A request found every stream id of a connection taken and waited in its backlog. The request's
 * caller is parked from then until the answer (the thread that frees an id sends the request, and
 * cannot end this event), so the duration covers the wait for an id and the round trip.
 */
@Name("io.loomcql.PoolSaturation")
@Label("CQL Pool Saturation")
@Category("loomcql")
@Description("A request waited for a free stream id; the duration runs until its outcome")
@StackTrace(false)
@Enabled(false) // as frequent as requests when a pool is saturated: recorded only when asked for
public final class PoolWaitEvent extends jdk.jfr.Event {
  @Label("Connection")
  public String connection;

  @Label("Got One")
  @Description("False if none freed before the request's deadline or the connection closed")
  public boolean acquired;
}
