package io.loomcql.internal.metrics;

import io.loomcql.MetricsSnapshot;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.ObjectName;

/**
 * One scope's metrics as a read-only JMX MBean. Dynamic rather than a standard MBean so that
 * JMX needs no reflective access into the driver's (unexported) packages.
 */
public final class MetricsMBean implements DynamicMBean {
  private static final String[] NAMES = {
    "Requests", "Errors", "ClientTimeouts", "Retries", "SpeculativeExecutions", "InFlight", "OpenConnections",
    "BytesSent", "BytesReceived", "LatencyP50Micros", "LatencyP99Micros", "LatencyP999Micros", "LatencyMaxMicros"
  };

  private final Supplier<MetricsSnapshot> source;

  private MetricsMBean(Supplier<MetricsSnapshot> source) {
    this.source = source;
  }

  /** Registers {@code source} under {@code name}; false (and nothing registered) if JMX refuses. */
  public static boolean register(ObjectName name, Supplier<MetricsSnapshot> source) {
    try {
      ManagementFactory.getPlatformMBeanServer().registerMBean(new MetricsMBean(source), name);
      return true;
    } catch (JMException e) {
      return false;
    }
  }

  public static void unregister(ObjectName name) {
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    } catch (JMException ignored) {
      // already gone
    }
  }

  @Override
  public Object getAttribute(String attribute) throws AttributeNotFoundException {
    return value(source.get(), attribute);
  }

  private static long value(MetricsSnapshot s, String attribute) throws AttributeNotFoundException {
    return switch (attribute) {
      case "Requests" -> s.requests();
      case "Errors" -> s.errors();
      case "ClientTimeouts" -> s.clientTimeouts();
      case "Retries" -> s.retries();
      case "SpeculativeExecutions" -> s.speculativeExecutions();
      case "InFlight" -> s.inFlight();
      case "OpenConnections" -> s.openConnections();
      case "BytesSent" -> s.bytesSent();
      case "BytesReceived" -> s.bytesReceived();
      case "LatencyP50Micros" -> s.latency().p50().toNanos() / 1_000;
      case "LatencyP99Micros" -> s.latency().p99().toNanos() / 1_000;
      case "LatencyP999Micros" -> s.latency().p999().toNanos() / 1_000;
      case "LatencyMaxMicros" -> s.latency().max().toNanos() / 1_000;
      default -> throw new AttributeNotFoundException(attribute);
    };
  }

  @Override
  public AttributeList getAttributes(String[] attributes) {
    MetricsSnapshot snapshot = source.get();
    AttributeList list = new AttributeList();
    for (String attribute : attributes) {
      try {
        list.add(new Attribute(attribute, value(snapshot, attribute)));
      } catch (AttributeNotFoundException ignored) {
        // JMX convention: unknown names are left out
      }
    }
    return list;
  }

  @Override
  public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
    throw new AttributeNotFoundException("metrics are read-only: " + attribute.getName());
  }

  @Override
  public AttributeList setAttributes(AttributeList attributes) {
    return new AttributeList();
  }

  @Override
  public Object invoke(String actionName, Object[] params, String[] signature) {
    throw new UnsupportedOperationException("no operations");
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    MBeanAttributeInfo[] attributes = new MBeanAttributeInfo[NAMES.length];
    for (int i = 0; i < NAMES.length; i++) {
      attributes[i] = new MBeanAttributeInfo(NAMES[i], "long", NAMES[i], true, false, false);
    }
    return new MBeanInfo(MetricsMBean.class.getName(), "loomcql request metrics", attributes, null, null, null);
  }
}
