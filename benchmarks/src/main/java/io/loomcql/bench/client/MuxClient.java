package io.loomcql.bench.client;

import io.loomcql.bench.Workload;
import io.loomcql.bench.mux.Multiplexer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The minimal multiplexer as a client: same binding (the key's bigints), but results are not
 * decoded (the answer's length stands for them). Reader and writer are virtual threads unless
 * {@code -Dmux.platformThreads=true}.
 */
final class MuxClient implements BenchClient {
  private final Multiplexer mux;

  MuxClient(ClientOptions options) throws IOException {
    mux = new Multiplexer(options.node(), options.maxRequestsPerConnection(), Boolean.getBoolean("mux.platformThreads"));
  }

  @Override
  public void prepare(Workload workload) {
    try {
      mux.prepare(workload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    mux.start();
  }

  @Override
  public long execute(long key) throws InterruptedException {
    return mux.execute(key);
  }

  @Override
  public CompletionStage<Long> executeAsync(long key) {
    CompletableFuture<Long> future = new CompletableFuture<>();
    Thread.startVirtualThread(() -> {
      try {
        future.complete(execute(key));
      } catch (Throwable e) {
        future.completeExceptionally(e);
      }
    });
    return future;
  }

  @Override
  public void close() {
    mux.close();
  }
}
