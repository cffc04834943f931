/**
 * loomcql: an Apache Cassandra driver for Java 21, virtual-thread native, on plain JDK NIO.
 * Only the API packages are exported; everything under {@code io.loomcql.internal} may change.
 */
@SuppressWarnings("requires-automatic") // lz4-java and snappy-java are automatic modules
module io.loomcql {
  requires org.slf4j;
  requires java.management; // metrics MBeans
  requires jdk.jfr; // flight recorder events, free unless recording
  // Optional: compression is off unless the user asks for it and the jar is present.
  requires static org.lz4.java;
  requires static org.xerial.snappy;

  exports io.loomcql;
  exports io.loomcql.auth;
  exports io.loomcql.error;
  exports io.loomcql.metadata;
  exports io.loomcql.policy;
  exports io.loomcql.type;
}
