package io.loomcql.bench.client;

/** Opens a client by the name the runners use: {@code loomcql}, {@code java} or {@code mux}. */
public final class Clients {
  private Clients() {}

  public static BenchClient open(String name, ClientOptions options) throws Exception {
    return switch (name) {
      case "loomcql" -> new LoomClient(options);
      case "java" -> new JavaDriverClient(options);
      case "mux" -> new MuxClient(options);
      default -> throw new IllegalArgumentException("unknown client " + name + " (loomcql, java, mux)");
    };
  }
}
