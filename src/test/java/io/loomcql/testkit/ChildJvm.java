package io.loomcql.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test tree in a new JVM (this JVM's java binary and class path) and
 * waits for it within a bound: for what needs JVM-wide settings, such as the virtual-thread
 * scheduler's parallelism.
 */
public final class ChildJvm {

  /** How the child ended: its exit code (-1 if it was killed at the bound), output and run time. */
  public record Result(int exitCode, boolean timedOut, String output, Duration elapsed) {
    @Override
    public String toString() {
      return (timedOut ? "killed after " : "exit " + exitCode + " after ") + elapsed.toMillis() + " ms; output:"
          + System.lineSeparator() + output;
    }
  }

  private ChildJvm() {}

  /** Runs {@code main} with the JVM options and arguments given, killing it after {@code bound}. */
  public static Result run(Duration bound, List<String> jvmOptions, Class<?> main, String... args)
      throws IOException, InterruptedException {
    // java.home rather than this process's command: bin/jdk21 runs the JVM through a dynamic
    // loader, which is then the command, while java.home/bin/java is a launcher that works.
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Path log = Files.createTempFile("loomcql-child-", ".log");
    try {
      long start = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      boolean exited = process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
      return new Result(exited ? process.exitValue() : -1, !exited, output, elapsed);
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
