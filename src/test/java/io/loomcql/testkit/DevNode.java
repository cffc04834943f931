package io.loomcql.testkit;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Starts one Cassandra node at a loopback address given as the only argument (default 127.0.0.9)
 * and keeps it until this JVM is stopped, so that work in a second checkout can run integration
 * tests with {@code -Dloomcql.contactPoint=127.0.0.9:9042} without sharing the suite's node.
 *
 * <p>{@code ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false
 * -Dexec.mainClass=io.loomcql.testkit.DevNode -Dexec.args=127.0.0.9}
 */
public final class DevNode {
    private DevNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = args.length > 0 ? args[0] : "127.0.0.9";
        InetSocketAddress address = new InetSocketAddress(host, 9042);
        LocalCluster node = LocalCluster.startSingle(address, CassandraOptions.defaults(), "dev-" + host.replace('.', '-') + "-");
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        Log.info("Development node ready at %s; stop this JVM to stop it", address);
        new CountDownLatch(1).await();
    }
}
