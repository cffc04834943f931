package io.loomcql.testkit;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Entry points for tests: one shared Cassandra per test JVM, started lazily.
 *
 * <p>{@link #singleNode()} tries, in order: a node already answering at the
 * configured contact point ({@code -Dloomcql.contactPoint=host:port} or env
 * {@code LOOMCQL_CONTACT_POINT}, default {@code 127.0.0.1:9042}); the
 * {@code cassandra:5.0} image if Docker is reachable; a local node launched
 * with JDK 17 (see {@link LocalCluster}). Nodes left behind by a crashed run
 * (PID files, owner JVM gone) are killed before the probe. Nodes started here are killed by a
 * JVM shutdown hook, or earlier by {@link #stopAll()} (the JUnit extension
 * calls it when the engine finishes). Tests isolate themselves with their own
 * keyspaces.
 */
public final class CassandraHarness {

    /** System property naming the contact point, {@code host:port}. */
    public static final String CONTACT_POINT_PROPERTY = "loomcql.contactPoint";
    /** Environment variable naming the contact point, {@code host:port}. */
    public static final String CONTACT_POINT_ENV = "LOOMCQL_CONTACT_POINT";

    private static InetSocketAddress single;
    private static AutoCloseable singleOwned; // LocalCluster or DockerCassandra we started, else null
    private static LocalCluster three;

    private CassandraHarness() {
    }

    /** @return the configured contact point (default {@code 127.0.0.1:9042}) */
    public static InetSocketAddress configuredContactPoint() {
        String value = System.getProperty(CONTACT_POINT_PROPERTY, System.getenv(CONTACT_POINT_ENV));
        if (value == null || value.isBlank()) {
            return new InetSocketAddress("127.0.0.1", 9042);
        }
        int colon = value.lastIndexOf(':');
        return colon < 0 ? new InetSocketAddress(value.strip(), 9042)
                : new InetSocketAddress(value.substring(0, colon).strip(), Integer.parseInt(value.substring(colon + 1)));
    }

    /**
     * @return the CQL address of a running Cassandra 5.0 node, started on first call
     * @throws CassandraStartException if none can be found or started
     */
    public static synchronized InetSocketAddress singleNode() {
        if (single != null) {
            return single;
        }
        InetSocketAddress configured = configuredContactPoint();
        NodeProcesses.reapLeftovers();
        if (NativeProbe.answersOptions(configured)) {
            Log.info("Using the Cassandra already running at %s", configured);
            single = configured;
            return single;
        }
        if (dockerAvailable()) {
            DockerCassandra docker = DockerCassandra.start();
            singleOwned = docker;
            single = docker.contactPoint();
            return single;
        }
        LocalCluster started = LaunchLock.run(() -> NativeProbe.answersOptions(configured) ? null
                : LocalCluster.startSingle(configured, CassandraOptions.defaults()));
        singleOwned = started;
        single = configured;
        return single;
    }

    /**
     * A local three-node cluster on 127.0.0.1/.2/.3:9042 for failover tests
     * (never Docker: tests kill and restart nodes). A single node this class
     * started on 127.0.0.1 is stopped first, as it holds the same ports; a
     * later {@link #singleNode()} then uses the cluster's node 1.
     *
     * @return the running cluster, started on first call
     */
    public static synchronized LocalCluster threeNodes() {
        if (three != null) {
            return three;
        }
        if (singleOwned instanceof LocalCluster) {
            stopSingleNode();
        }
        three = LaunchLock.run(() -> LocalCluster.start(3, CassandraOptions.defaults()));
        return three;
    }

    /** Stops the shared single node if this class started it. */
    public static synchronized void stopSingleNode() {
        AutoCloseable owned = singleOwned;
        single = null;
        singleOwned = null;
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                Log.warn("Stopping Cassandra failed: %s", e);
            }
        }
    }

    /** Stops the shared three-node cluster, if started. */
    public static synchronized void stopThreeNodes() {
        LocalCluster cluster = three;
        three = null;
        if (cluster != null) {
            if (singleOwned == null && cluster.contactPoints().contains(single)) {
                single = null; // singleNode() had adopted the cluster's node 1
            }
            cluster.close();
        }
    }

    /** Stops everything this class started. */
    public static synchronized void stopAll() {
        stopSingleNode();
        stopThreeNodes();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerCassandra.available();
        } catch (LinkageError e) {
            return false; // Testcontainers not on the classpath
        }
    }

    /** @return true if {@code address} answers a native-protocol OPTIONS within 2 s */
    public static boolean isUp(InetSocketAddress address) {
        return NativeProbe.answersOptions(address, Duration.ofSeconds(2));
    }
}
