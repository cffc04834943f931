package io.loomcql.testkit;

import java.net.InetSocketAddress;

/**
 * For demo programs: reuse a running Cassandra or launch a local node, and on
 * {@link #close()} stop only what was launched here.
 *
 * <pre>{@code
 * try (LocalCassandra cassandra = LocalCassandra.startIfAbsent(new InetSocketAddress("127.0.0.1", 9042))) {
 *     connect to cassandra.contactPoint() ...
 * }
 * }</pre>
 */
public final class LocalCassandra implements AutoCloseable {

    private final InetSocketAddress contactPoint;
    private final LocalCluster started;

    private LocalCassandra(InetSocketAddress contactPoint, LocalCluster started) {
        this.contactPoint = contactPoint;
        this.started = started;
    }

    /**
     * @param contactPoint where Cassandra should answer; a node is launched there (127.0.0.0/8
     *                     only) if nothing answers OPTIONS
     * @return a handle whose {@link #close()} stops the node only if this call launched it
     */
    public static LocalCassandra startIfAbsent(InetSocketAddress contactPoint) {
        NodeProcesses.reapLeftovers();
        if (NativeProbe.answersOptions(contactPoint)) {
            return new LocalCassandra(contactPoint, null);
        }
        LocalCluster cluster = LaunchLock.run(() -> NativeProbe.answersOptions(contactPoint) ? null
                : LocalCluster.startSingle(contactPoint, CassandraOptions.defaults()));
        return new LocalCassandra(contactPoint, cluster);
    }

    /** @return {@link #startIfAbsent(InetSocketAddress)} at {@link CassandraHarness#configuredContactPoint()} */
    public static LocalCassandra startIfAbsent() {
        return startIfAbsent(CassandraHarness.configuredContactPoint());
    }

    /** @return the CQL address to connect to */
    public InetSocketAddress contactPoint() {
        return contactPoint;
    }

    /** @return true if this handle launched the node (and will stop it) */
    public boolean startedHere() {
        return started != null;
    }

    /** Kills the node if this handle launched it; a pre-existing node is left running. */
    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
