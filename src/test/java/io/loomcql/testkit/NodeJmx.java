package io.loomcql.testkit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Talks to a test node's local JMX port with the JDK's own JMX client (no Cassandra classes in
 * the test JVM): the same MBean that {@code nodetool} reads. One connection per port, kept for
 * the JVM's life, because a connection costs an RMI handshake and tests ask thousands of times.
 */
final class NodeJmx {
    private static final Map<Integer, JMXConnector> CONNECTORS = new ConcurrentHashMap<>();

    private NodeJmx() {
    }

    static List<String> naturalEndpoints(int port, String keyspace, String table, String key) {
        try {
            MBeanServerConnection server = connection(port);
            Object result = server.invoke(new ObjectName("org.apache.cassandra.db:type=StorageService"),
                    "getNaturalEndpointsWithPort", new Object[] {keyspace, table, key},
                    new String[] {String.class.getName(), String.class.getName(), String.class.getName()});
            List<String> endpoints = new ArrayList<>();
            for (Object endpoint : (List<?>) result) {
                String text = String.valueOf(endpoint); // "127.0.0.2:7000" or "/127.0.0.2:7000"
                text = text.startsWith("/") ? text.substring(1) : text;
                endpoints.add(text.substring(0, text.lastIndexOf(':')));
            }
            return endpoints;
        } catch (IOException | JMException e) {
            CONNECTORS.remove(port);
            throw new IllegalStateException("JMX call to 127.0.0.1:" + port + " failed: " + e, e);
        }
    }

    /** Writes a keyspace's memtables to disk (nodetool flush), so a SIGKILL cannot lose them. */
    static void flush(int port, String keyspace) {
        try {
            flushOnce(port, keyspace);
        } catch (IllegalStateException e) { // a connection to a node that has since restarted: once more, anew
            flushOnce(port, keyspace);
        }
    }

    private static void flushOnce(int port, String keyspace) {
        try {
            connection(port).invoke(new ObjectName("org.apache.cassandra.db:type=StorageService"),
                    "forceKeyspaceFlush", new Object[] {keyspace, new String[0]},
                    new String[] {String.class.getName(), String[].class.getName()});
        } catch (IOException | JMException e) {
            CONNECTORS.remove(port);
            throw new IllegalStateException("JMX flush of " + keyspace + " on 127.0.0.1:" + port + " failed: " + e, e);
        }
    }

    private static MBeanServerConnection connection(int port) throws IOException {
        JMXConnector connector = CONNECTORS.get(port);
        if (connector == null) {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
            connector = JMXConnectorFactory.connect(url);
            CONNECTORS.put(port, connector);
        }
        return connector.getMBeanServerConnection();
    }
}
