package io.loomcql.bench.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Starts child JVMs with the same java binary, class path and flags, optionally pinned with taskset. */
final class Children {
  private Children() {}

  static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  static final String CLASSPATH = System.getProperty("java.class.path");

  /** JVM flags every measured child gets, the same for every client. */
  static List<String> jvmFlags(String extra) {
    List<String> flags = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
        "--enable-native-access=ALL-UNNAMED", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
    if (extra != null && !extra.isBlank()) {
      flags.addAll(List.of(extra.trim().split("\\s+")));
    }
    return flags;
  }

  static List<String> command(String cpus, List<String> flags, String classpath, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    if (cpus != null) {
      command.addAll(List.of("taskset", "-c", cpus));
    }
    command.add(JAVA);
    command.addAll(flags);
    command.addAll(List.of("-cp", classpath, mainClass));
    command.addAll(args);
    return command;
  }

  /** Runs a child to its end; every stdout line goes to {@code lines}, stderr is inherited. */
  static int run(List<String> command, Consumer<String> lines) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.accept(line);
      }
    }
    return process.waitFor();
  }

  /** Starts the stub server as its own process and returns it with its port. */
  static Stub startStub(String cpus, long delayMicros) throws IOException {
    List<String> command = command(cpus, List.of("-Xms256m", "-Xmx256m"), CLASSPATH,
        "io.loomcql.bench.stub.StubServer", List.of("--port", "0", "--delay-us", String.valueOf(delayMicros)));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("STUB LISTENING ")) {
      process.destroy();
      throw new IOException("the stub did not start: " + line);
    }
    return new Stub(process, Integer.parseInt(line.substring("STUB LISTENING ".length()).trim()));
  }

  record Stub(Process process, int port) implements AutoCloseable {
    @Override
    public void close() {
      process.destroy();
    }
  }
}
