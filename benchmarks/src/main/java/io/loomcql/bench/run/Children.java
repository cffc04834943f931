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

  /**
   * HotSpot moves an interpreted loop frame to its compiled (OSR) code only when the loop's shared
   * back-edge counter overflows, once per 1,024 back-edges by default, and then only the frame that
   * crossed it. Each closed-loop caller runs its loop once, in its own virtual thread, so with
   * 10,000 callers most of them stayed interpreted for a whole run. An interpreted frame on the
   * stack makes every park freeze and thaw on the slow path and allocate a new stack chunk: at
   * 10,000 callers loomcql allocated 2.2 KB per request instead of 1.0 KB, and the multiplexer 456 B
   * instead of 114 B (fresh JVMs running 10,000 callers only). Checking on every back-edge moves
   * each caller to compiled code on its first iteration, the steady state of a long-running
   * service. It changes nothing else, and every client gets it. (When 10,000 follows 1,024 in the
   * same JVM, as in the Table, loomcql still allocates about 1.8 KB per request there; the cause of
   * that is not found yet.)
   */
  static final List<String> PROMPT_OSR = List.of("-XX:Tier0BackedgeNotifyFreqLog=0",
      "-XX:Tier2BackedgeNotifyFreqLog=0", "-XX:Tier3BackedgeNotifyFreqLog=0");

  /** JVM flags of the children that measure start-up and footprint: the JVM's defaults otherwise. */
  static List<String> startupFlags() {
    return List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "--enable-native-access=ALL-UNNAMED",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
  }

  /** JVM flags every child that runs a load gets, the same for every client. */
  static List<String> jvmFlags(String extra) {
    List<String> flags = new ArrayList<>(startupFlags());
    flags.addAll(PROMPT_OSR);
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
