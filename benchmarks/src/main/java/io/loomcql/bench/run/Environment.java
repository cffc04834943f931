package io.loomcql.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine, JDK and date a result was measured on, for the head of every results file. */
final class Environment {
  private Environment() {}

  static String describe(String label) {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
          .orElse(cpu);
    } catch (IOException ignored) {
      // not Linux
    }
    return String.format(Locale.ROOT,
        "**%s.** Machine: %s, %d CPUs, %s %s; JDK: %s %s (%s); date: %s.%n",
        label, cpu, Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
        System.getProperty("os.version"), System.getProperty("java.vm.vendor"), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), Table.timestamp());
  }
}
