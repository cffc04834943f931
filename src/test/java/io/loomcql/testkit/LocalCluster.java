package io.loomcql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Real Cassandra 5.0 nodes in child JDK 17 processes on 127.0.0.1..N, all on
 * CQL port 9042 and storage port 7000 (every node has its own loopback IP).
 *
 * <p>Every node is a seed with one explicit, evenly spaced Murmur3 token, and
 * all are launched at once: nobody bootstraps (bootstrap was flaky on 2 cores)
 * and a cluster forms in about 10 s. Each start begins from an empty node
 * folder. The cluster counts as formed when each node's {@code system.log}
 * reports every other node {@code is now UP} (gossip) and answers OPTIONS:
 * that needs no nodetool/JMX and is what a driver needs to see all peers up.
 *
 * <p>{@link #stop(int)}/{@link #start(int)} kill and restart one node on its
 * existing data for fault tests; {@link #close()} kills all nodes and deletes
 * their data, keeping {@code logs/}.
 */
public final class LocalCluster implements AutoCloseable {

    /** Per-node start timeout. */
    public static final Duration NODE_START = Duration.ofSeconds(120);
    /** Time allowed, after all nodes serve CQL, for gossip to see everyone up. */
    public static final Duration FORMATION = Duration.ofSeconds(60);

    private final List<CassandraNode> nodes;
    private final CassandraOptions options;
    private final Map<Integer, Map<Integer, Long>> downMarks = new HashMap<>();

    private LocalCluster(List<CassandraNode> nodes, CassandraOptions options) {
        this.nodes = List.copyOf(nodes);
        this.options = options;
    }

    /** Starts {@code size} nodes on 127.0.0.1..size:9042 and waits until they form a cluster. */
    public static LocalCluster start(int size, CassandraOptions options) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            addresses.add(new InetSocketAddress("127.0.0." + i, 9042));
        }
        return start(addresses, options);
    }

    /** Starts one node at {@code address} (a 127.x.y.z IPv4 address) in folder {@code node1}. */
    public static LocalCluster startSingle(InetSocketAddress address, CassandraOptions options) {
        return start(List.of(address), options, "node");
    }

    /**
     * Starts one extra node beside the shared ones, in its own folder {@code <name>1} (so it never
     * touches the shared node's data), e.g. a node with authentication or TLS on 127.0.0.2.
     */
    public static LocalCluster startSingle(InetSocketAddress address, CassandraOptions options, String name) {
        return start(List.of(address), options, name);
    }

    private static LocalCluster start(List<InetSocketAddress> addresses, CassandraOptions options) {
        return start(addresses, options, "node");
    }

    private static LocalCluster start(List<InetSocketAddress> addresses, CassandraOptions options, String folder) {
        long started = System.nanoTime();
        Path projectDir = ProjectPaths.projectDir();
        Path workDir = ProjectPaths.workDir();
        NodeProcesses.reapLeftovers(workDir);
        addresses.forEach(LocalCluster::checkFree);
        String classpath = CassandraClasspath.resolve(projectDir);
        String seeds = addresses.stream().map(a -> a.getAddress().getHostAddress() + ":" + NodeSpec.STORAGE_PORT)
                .collect(Collectors.joining(","));
        List<CassandraNode> nodes = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            Path dir = workDir.resolve(folder + (i + 1));
            deleteTree(dir);
            NodeSpec spec = new NodeSpec(i + 1, addresses.get(i), dir, seeds,
                    NodeFiles.token(i, addresses.size()), options);
            nodes.add(new CassandraNode(spec, NodeFiles.write(spec, classpath), workDir.resolve(folder + (i + 1) + ".pid")));
        }
        LocalCluster cluster = new LocalCluster(nodes, options);
        try {
            nodes.forEach(node -> node.launch(0));
            Instant deadline = Instant.now().plus(NODE_START);
            nodes.forEach(n -> n.awaitReady(deadline));
            cluster.awaitGossip(nodes, null, Map.of(), Instant.now().plus(FORMATION));
            if (options.authentication()) {
                cluster.awaitLog("Created default superuser role", Instant.now().plus(FORMATION));
            }
        } catch (RuntimeException e) {
            cluster.killAll();
            throw e;
        }
        Log.info("Cassandra %s ready in %d ms", cluster.contactPoints(), (System.nanoTime() - started) / 1_000_000);
        return cluster;
    }

    /** @return number of nodes (running or stopped) */
    public int size() {
        return nodes.size();
    }

    /** @param n 1-based node number */
    public CassandraNode node(int n) {
        return nodes.get(n - 1);
    }

    /** @return the CQL address of node {@code n} (1-based) */
    public InetSocketAddress contactPoint(int n) {
        return node(n).contactPoint();
    }

    /** @return all nodes' CQL addresses, node 1 first */
    public List<InetSocketAddress> contactPoints() {
        return nodes.stream().map(CassandraNode::contactPoint).toList();
    }

    /** @return the options the cluster was started with */
    public CassandraOptions options() {
        return options;
    }

    /**
     * Kills node {@code n} with SIGKILL, keeping its data. The other nodes need
     * about 10 s to convict it: see {@link #awaitSeenDown(int, Duration)}.
     */
    public synchronized void stop(int n) {
        rememberDownMarks(n);
        node(n).kill();
    }

    /** Stops node {@code n} with SIGTERM (Cassandra drains first; 6-8 s), keeping its data. */
    public synchronized void stopGracefully(int n) {
        rememberDownMarks(n);
        node(n).stopGracefully(Duration.ofSeconds(30));
    }

    /**
     * Freezes node {@code n} with SIGSTOP, as a long GC pause or a stalled VM would: its sockets
     * stay open and accept bytes, but it answers nothing until {@link #resume(int)}.
     */
    public void pause(int n) {
        signal(n, "STOP");
    }

    /** Lets a node frozen by {@link #pause(int)} run again (SIGCONT). */
    public void resume(int n) {
        signal(n, "CONT");
    }

    private void signal(int n, String signal) {
        long pid = node(n).pid();
        if (pid < 0) {
            throw new IllegalStateException("node " + n + " is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " exited with " + kill.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal + " to node " + n, e);
        }
    }

    /** Waits until every other running node's log says node {@code n} {@code is now DOWN}. */
    public void awaitSeenDown(int n, Duration timeout) {
        Map<Integer, Long> marks;
        synchronized (this) {
            marks = downMarks.getOrDefault(n, Map.of());
        }
        String line = node(n).spec().gossipName() + " is now DOWN";
        Instant deadline = Instant.now().plus(timeout);
        while (!marks.entrySet().stream().allMatch(e -> !node(e.getKey()).isRunning()
                || node(e.getKey()).logContains(e.getValue(), line))) {
            if (Instant.now().isAfter(deadline)) {
                throw new CassandraStartException("Node " + n + " was not seen DOWN within " + timeout);
            }
            CassandraNode.sleep(Duration.ofMillis(200));
        }
    }

    /**
     * Restarts a stopped node on its existing data and waits until it serves
     * CQL and it and every other running node see each other up.
     */
    public synchronized void start(int n) {
        start(n, 0);
    }

    /**
     * Like {@link #start(int)}, but the node's process runs at a lower CPU priority (nice 10). On two
     * cores a starting Cassandra (JIT compilation, commit log replay) took the CPU from the nodes
     * serving a test's load for a second or more, and the test then measured that stall, not the
     * driver.
     */
    public synchronized void startBehindLoad(int n) {
        start(n, 10);
    }

    private void start(int n, int niceness) {
        CassandraNode node = node(n);
        List<CassandraNode> others = nodes.stream().filter(o -> o != node && o.isRunning()).toList();
        Map<Integer, Long> marks = new HashMap<>();
        others.forEach(o -> marks.put(o.index(), o.logMark()));
        node.launch(niceness);
        node.awaitReady(Instant.now().plus(NODE_START));
        List<CassandraNode> involved = new ArrayList<>(others);
        involved.add(node);
        awaitGossip(involved, node, marks, Instant.now().plus(FORMATION));
    }

    /** Kills every node (SIGKILL) and deletes their data, keeping each node's {@code logs/}. */
    @Override
    public synchronized void close() {
        killAll();
        for (CassandraNode node : nodes) {
            try (Stream<Path> children = Files.list(node.directory())) {
                for (Path child : children.toList()) {
                    if (Files.isDirectory(child) && !child.getFileName().toString().equals("logs")) {
                        deleteTree(child);
                    }
                }
            } catch (IOException e) {
                Log.warn("Cannot clean %s: %s", node.directory(), e);
            }
        }
    }

    private void killAll() {
        nodes.forEach(CassandraNode::kill);
    }

    private void rememberDownMarks(int n) {
        Map<Integer, Long> marks = new HashMap<>();
        nodes.stream().filter(o -> o.index() != n && o.isRunning()).forEach(o -> marks.put(o.index(), o.logMark()));
        downMarks.put(n, marks);
    }

    /**
     * Each node in {@code group} must log every other member {@code is now UP},
     * counting from {@code marks} (or from its launch when it has no mark). With
     * a {@code focus} (a restarted node) only pairs involving it are checked:
     * the others never stopped seeing each other and log nothing new.
     */
    private void awaitGossip(List<CassandraNode> group, CassandraNode focus, Map<Integer, Long> marks,
                             Instant deadline) {
        while (true) {
            List<String> missing = new ArrayList<>();
            for (CassandraNode viewer : group) {
                for (CassandraNode peer : group) {
                    if (peer == viewer || (focus != null && viewer != focus && peer != focus)) {
                        continue;
                    }
                    String line = peer.spec().gossipName() + " is now UP";
                    boolean seen = marks.containsKey(viewer.index())
                            ? viewer.logContains(marks.get(viewer.index()), line)
                            : viewer.logSinceLaunchContains(line);
                    if (!seen) {
                        missing.add(viewer.index() + " does not see " + peer.index());
                    }
                }
                if (!viewer.isRunning()) {
                    throw new CassandraStartException("Node " + viewer.index() + " died while the cluster formed\n"
                            + viewer.logTail(40));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new CassandraStartException("Cluster did not form in time: " + missing + "\n--- node "
                        + group.get(0).index() + " log ---\n" + group.get(0).logTail(40));
            }
            CassandraNode.sleep(Duration.ofMillis(200));
        }
    }

    private void awaitLog(String text, Instant deadline) {
        while (nodes.stream().noneMatch(n -> n.logSinceLaunchContains(text))) {
            if (Instant.now().isAfter(deadline)) {
                throw new CassandraStartException("No node logged '" + text + "' in time\n" + node(1).logTail(40));
            }
            CassandraNode.sleep(Duration.ofMillis(200));
        }
    }

    /** Refuses non-loopback addresses and explains a busy port before Cassandra fails obscurely. */
    private static void checkFree(InetSocketAddress address) {
        if (!(address.getAddress() instanceof Inet4Address ip) || !ip.isLoopbackAddress()) {
            throw new CassandraStartException("Local Cassandra nodes only run on 127.0.0.0/8, not " + address);
        }
        for (int port : new int[] {address.getPort(), NodeSpec.STORAGE_PORT}) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(ip, port));
            } catch (IOException e) {
                throw new CassandraStartException(ip.getHostAddress() + ":" + port + " is already in use"
                        + (NativeProbe.answersOptions(new InetSocketAddress(ip, address.getPort()))
                        ? " by a Cassandra this JVM did not start (another test JVM?)" : ""), e);
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
