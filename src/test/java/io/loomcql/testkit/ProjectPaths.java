package io.loomcql.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the project directory. Under Maven it is the JVM working directory
 * (Surefire also sets {@code basedir}); {@code -Dloomcql.projectDir} overrides
 * both, which a demo or an IDE run may need. The directory is recognised by the
 * server-classpath pom the kit depends on, searching upwards, so running from a
 * sub-folder still works.
 */
final class ProjectPaths {

    /** The tiny pom used to resolve the Cassandra server classpath. */
    static final String SERVER_POM = "src/test/resources/cassandra/pom.xml";

    private ProjectPaths() {
    }

    /** @return the project base directory */
    static Path projectDir() {
        List<String> candidates = new ArrayList<>();
        for (String key : List.of("loomcql.projectDir", "basedir", "user.dir")) {
            String value = System.getProperty(key);
            if (value != null && !value.isBlank()) {
                candidates.add(value);
            }
        }
        for (String candidate : candidates) {
            for (Path p = Path.of(candidate).toAbsolutePath().normalize(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve(SERVER_POM))) {
                    return p;
                }
            }
        }
        throw new CassandraStartException("Cannot find " + SERVER_POM + " from " + candidates
                + "; run from the project directory or set -Dloomcql.projectDir=<dir>");
    }

    /** @return {@code <project>/target/cassandra}, where node folders, PID files and caches live */
    static Path workDir() {
        return projectDir().resolve("target").resolve("cassandra");
    }

    /** @return {@code <project>/src/test/resources/cassandra/<name>} (yaml and logback templates) */
    static Path resource(String name) {
        return projectDir().resolve("src/test/resources/cassandra").resolve(name);
    }
}
