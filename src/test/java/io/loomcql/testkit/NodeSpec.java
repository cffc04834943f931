package io.loomcql.testkit;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Everything that distinguishes one node of a local cluster.
 *
 * @param index         1-based node number (folder {@code node<index>}, PID file {@code node<index>.pid})
 * @param nativeAddress where the node serves CQL; its IP is also the listen (gossip) address
 * @param dir           the node folder
 * @param seeds         the {@code seeds} list, {@code ip:7000} comma separated
 * @param initialToken  the node's single Murmur3 token
 * @param options       server options shared by the cluster
 */
record NodeSpec(int index, InetSocketAddress nativeAddress, Path dir, String seeds, String initialToken,
                CassandraOptions options) {

    /** Storage (gossip/internode) port of every node; each node has its own IP. */
    static final int STORAGE_PORT = 7000;

    /** 7100 + the address's last byte: nodes on 127.0.0.1-9 never share a JMX port. */
    int jmxPort() {
        return 7100 + (nativeAddress.getAddress().getAddress()[3] & 0xFF);
    }

    /** @return the node's IP as text, e.g. {@code 127.0.0.2} */
    String ip() {
        return nativeAddress.getAddress().getHostAddress();
    }

    /** @return the node as other nodes' logs name it, e.g. {@code /127.0.0.2:7000} */
    String gossipName() {
        return "/" + ip() + ":" + STORAGE_PORT;
    }

    /** @return the log line fragment Cassandra writes once CQL clients can connect */
    String listeningLine() {
        return "Starting listening for CQL clients on /" + ip() + ":" + nativeAddress.getPort();
    }

    /** @return the node's {@code logs/system.log} */
    Path systemLog() {
        return dir.resolve("logs").resolve("system.log");
    }

    /** @return the node's captured stdout/stderr (JVM errors that never reach system.log) */
    Path stdoutLog() {
        return dir.resolve("logs").resolve("stdout.log");
    }
}
