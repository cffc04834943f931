package io.loomcql.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the JDK 17 that runs the Cassandra child process. Cassandra 5.0 fails
 * on newer JDKs (it installs a Security Manager, which JDK 24+ removed), so the
 * build JDK cannot be reused. {@code LOOMCQL_CASSANDRA_JAVA_HOME} overrides the
 * search of {@code /usr/lib/jvm}.
 */
final class CassandraJdk {

    static final String ENV = "LOOMCQL_CASSANDRA_JAVA_HOME";
    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private CassandraJdk() {
    }

    /** @return the JDK 17 home directory */
    static Path home() {
        String configured = System.getenv(ENV);
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            if (!Files.isExecutable(home.resolve("bin/java"))) {
                throw new CassandraStartException(ENV + "=" + configured + " has no executable bin/java");
            }
            return home;
        }
        if (Files.isDirectory(JVM_DIR)) {
            try (Stream<Path> dirs = Files.list(JVM_DIR)) {
                // Prefer the canonical Debian name over its java-1.17.0 alias.
                List<Path> sorted = dirs.sorted(Comparator
                        .comparing((Path p) -> !p.getFileName().toString().startsWith("java-17"))
                        .thenComparing(Path::toString)).toList();
                for (Path dir : sorted) {
                    if (isJdk17(dir)) {
                        return dir;
                    }
                }
            } catch (IOException e) {
                throw new CassandraStartException("Cannot list " + JVM_DIR, e);
            }
        }
        throw new CassandraStartException("No JDK 17 found under " + JVM_DIR + " (Cassandra 5.0 needs Java 17)."
                + " Install it with 'apt-get install openjdk-17-jdk-headless' or set " + ENV);
    }

    /** @return {@code bin/java} of {@link #home()} */
    static Path java() {
        return home().resolve("bin/java");
    }

    private static boolean isJdk17(Path dir) {
        if (!Files.isExecutable(dir.resolve("bin/java"))) {
            return false;
        }
        Path release = dir.resolve("release");
        try {
            if (Files.isRegularFile(release)) {
                return Files.readAllLines(release).stream().anyMatch(l -> l.startsWith("JAVA_VERSION=\"17"));
            }
        } catch (IOException e) {
            return false;
        }
        String name = dir.getFileName().toString();
        return name.contains("-17-") || name.endsWith("-17");
    }
}
