package io.loomcql.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The {@code cassandra:5.0} image through Testcontainers, for machines that
 * have Docker (developer laptops, some CI). Kept in its own class so that the
 * rest of the kit loads and works when Testcontainers or Docker is absent:
 * callers catch {@link LinkageError} around it.
 */
final class DockerCassandra implements AutoCloseable {

    private static final String IMAGE = "cassandra:5.0";

    private final GenericContainer<?> container;
    private final InetSocketAddress contactPoint;

    private DockerCassandra(GenericContainer<?> container, InetSocketAddress contactPoint) {
        this.container = container;
        this.contactPoint = contactPoint;
    }

    /**
     * @return true if a Docker daemon answers; false fast when no Docker is configured at all,
     *         and {@code -Dloomcql.docker=false} (or env {@code LOOMCQL_DOCKER=false}) skips Docker
     */
    static boolean available() {
        String flag = System.getProperty("loomcql.docker", System.getenv("LOOMCQL_DOCKER"));
        if ("false".equalsIgnoreCase(flag)) {
            return false;
        }
        String home = System.getProperty("user.home");
        boolean configured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"));
        if (!configured) {
            return false; // skip Testcontainers' slow, noisy probing
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Starts the container and waits for the CQL listener (up to 3 minutes, image pull included). */
    static DockerCassandra start() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withExposedPorts(9042)
                .withEnv("MAX_HEAP_SIZE", "1G")
                .withEnv("HEAP_NEWSIZE", "128M")
                .withEnv("JVM_EXTRA_OPTS", "-Dcassandra.skip_wait_for_gossip_to_settle=0"
                        + " -Dcassandra.ring_delay_ms=1000 -Dcassandra.superuser_setup_delay_ms=0")
                .waitingFor(Wait.forLogMessage(".*Starting listening for CQL clients.*\\n", 1)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        container.start();
        try {
            InetAddress host = InetAddress.getByName(container.getHost());
            if (!host.isLoopbackAddress()) {
                throw new CassandraStartException("Docker publishes ports on " + host
                        + "; the test kit only connects to 127.0.0.0/8");
            }
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", container.getMappedPort(9042));
            if (!NativeProbe.answersOptions(address, Duration.ofSeconds(10))) {
                throw new CassandraStartException("Container " + IMAGE + " does not answer OPTIONS at " + address);
            }
            return new DockerCassandra(container, address);
        } catch (UnknownHostException | RuntimeException e) {
            container.stop();
            throw e instanceof CassandraStartException c ? c
                    : new CassandraStartException("Cannot use container " + IMAGE, e);
        }
    }

    /** @return the container's CQL port as published on 127.0.0.1 */
    InetSocketAddress contactPoint() {
        return contactPoint;
    }

    @Override
    public void close() {
        container.stop();
    }
}
