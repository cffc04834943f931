package io.loomcql.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A connection opened, closed, or became defunct (closed by an error). */
@Name("io.loomcql.Connection")
@Label("CQL Connection")
@Category("loomcql")
@StackTrace(false)
public final class ConnectionEvent extends jdk.jfr.Event {
  @Label("Connection")
  public String connection;

  @Label("Node")
  public String node;

  @Label("State")
  public String state; // "opened", "closed" or "defunct"

  @Label("Cause")
  public String cause;

  public static void emit(String connection, String node, String state, String cause) {
    ConnectionEvent event = new ConnectionEvent();
    if (event.isEnabled()) {
      event.connection = connection;
      event.node = node;
      event.state = state;
      event.cause = cause;
      event.commit();
    }
  }
}
