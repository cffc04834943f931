package io.loomcql.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The driver started or stopped believing a node is up. */
@Name("io.loomcql.NodeState")
@Label("CQL Node State")
@Category("loomcql")
@StackTrace(false)
public final class NodeStateEvent extends jdk.jfr.Event {
  @Label("Node")
  public String node;

  @Label("Up")
  public boolean up;

  @Label("Reason")
  public String reason;

  public static void emit(String node, boolean up, String reason) {
    NodeStateEvent event = new NodeStateEvent();
    if (event.isEnabled()) {
      event.node = node;
      event.up = up;
      event.reason = reason;
      event.commit();
    }
  }
}
