/**
 * loomcql: an Apache Cassandra driver for Java 21, virtual-thread native, on plain JDK NIO.
 * Only the API packages are exported; everything under {@code io.loomcql.internal} may change.
 */
module io.loomcql {
  requires org.slf4j;

  exports io.loomcql;
  exports io.loomcql.auth;
  exports io.loomcql.error;
  exports io.loomcql.metadata;
  exports io.loomcql.type;
}
