package io.loomcql.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Resolves the runtime classpath of the Cassandra server with Maven.
 *
 * <p>The server is never a dependency of the driver or its tests (its Netty,
 * Guava and SLF4J would clash), so a separate tiny pom lists it and
 * {@code dependency:build-classpath} writes the jar list to
 * {@code target/cassandra/classpath.txt}. That file is reused until it is
 * missing, older than the pom, or names a jar that no longer exists.
 */
final class CassandraClasspath {

    private static final long TIMEOUT_MINUTES = 10;

    private CassandraClasspath() {
    }

    /** @return the server classpath (entries separated by {@link File#pathSeparator}) */
    static String resolve(Path projectDir) {
        Path file = projectDir.resolve("target/cassandra/classpath.txt");
        Path pom = projectDir.resolve(ProjectPaths.SERVER_POM);
        try {
            if (!usable(file, pom)) {
                compute(projectDir, pom, file);
            }
            String classpath = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (classpath.isEmpty()) {
                throw new CassandraStartException("Maven wrote an empty classpath to " + file);
            }
            return classpath;
        } catch (IOException e) {
            throw new CassandraStartException("Cannot resolve the Cassandra classpath into " + file, e);
        }
    }

    private static boolean usable(Path file, Path pom) throws IOException {
        if (!Files.isRegularFile(file)
                || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(pom)) < 0) {
            return false;
        }
        String classpath = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (classpath.isEmpty()) {
            return false;
        }
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!Files.exists(Path.of(entry))) {
                return false;
            }
        }
        return true;
    }

    private static void compute(Path projectDir, Path pom, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("classpath.txt.tmp");
        Path mavenLog = file.resolveSibling("maven.log");
        List<String> command = new ArrayList<>();
        command.add(maven(projectDir));
        command.addAll(List.of("-q", "-B", "-f", pom.toString(), "dependency:build-classpath",
                "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=" + tmp));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(projectDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(mavenLog.toFile());
        Map<String, String> env = pb.environment();
        String javaHome = env.get("JAVA_HOME");
        if (javaHome == null || javaHome.isBlank()) {
            // The build JDK (>= 21) is fine for resolution; Maven only needs *a* JDK.
            env.put("JAVA_HOME", System.getProperty("java.home"));
        }
        long started = System.nanoTime();
        Process process = pb.start();
        boolean finished;
        try {
            finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CassandraStartException("Interrupted while resolving the Cassandra classpath", e);
        }
        if (!finished) {
            process.destroyForcibly();
        }
        if (!finished || process.exitValue() != 0 || !Files.isRegularFile(tmp)) {
            throw new CassandraStartException("Could not resolve the Cassandra classpath with " + command
                    + "\n--- " + mavenLog + " ---\n" + NodeLog.tail(mavenLog, 40));
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Log.info("Resolved the Cassandra server classpath in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Prefers the project's Maven wrapper, so the build and the kit use the same Maven. */
    private static String maven(Path projectDir) {
        Path wrapper = projectDir.resolve("mvnw");
        if (Files.isExecutable(wrapper)) {
            return wrapper.toString();
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path mvn = Path.of(dir, "mvn");
                if (Files.isExecutable(mvn)) {
                    return mvn.toString();
                }
            }
        }
        throw new CassandraStartException("Neither " + wrapper + " nor mvn on PATH: cannot resolve the Cassandra"
                + " classpath (or put the jar list in target/cassandra/classpath.txt)");
    }
}
