package io.loomcql.testkit;

import io.loomcql.internal.DriverResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Applied to every test class (auto-detected, see junit-platform.properties): after each test,
 * and after the class's own clean-up, the driver must hold no more connections and no more
 * threads than before it, and no thread may have died of an uncaught exception meanwhile. Closing is asynchronous (a
 * reader notices its socket closed), so the check waits up to 3 s before it fails.
 */
public final class LeakCheckExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
  private static final ConcurrentLinkedQueue<String> UNCAUGHT = new ConcurrentLinkedQueue<>();

  static {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> {
          UNCAUGHT.add(thread.getName() + ": " + error);
          if (previous != null) {
            previous.uncaughtException(thread, error);
          }
        });
  }

  private record Counts(int connections, int threads) {
    static Counts now() {
      return new Counts(DriverResources.openConnections(), DriverResources.liveThreads());
    }
  }

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LeakCheckExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put("class", Counts.now());
    UNCAUGHT.clear();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NAMESPACE).put("test", Counts.now());
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    check(context, context.getStore(NAMESPACE).get("test", Counts.class), false);
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    check(context, context.getStore(NAMESPACE).get("class", Counts.class), true);
  }

  /** What a test (or a class, with its shared clusters) opened must be gone once it ends. */
  private static void check(ExtensionContext context, Counts before, boolean uncaught) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while ((DriverResources.openConnections() > before.connections()
            || DriverResources.liveThreads() > before.threads())
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    List<String> problems = new ArrayList<>();
    if (DriverResources.openConnections() > before.connections()) {
      problems.add((DriverResources.openConnections() - before.connections()) + " driver connection(s) left open");
    }
    if (DriverResources.liveThreads() > before.threads()) {
      problems.add((DriverResources.liveThreads() - before.threads()) + " driver thread(s) still running "
          + DriverResources.liveThreadNames());
    }
    if (uncaught || !UNCAUGHT.isEmpty()) {
      UNCAUGHT.forEach(error -> problems.add("uncaught exception in " + error));
      UNCAUGHT.clear();
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(context.getDisplayName() + " leaked: " + String.join("; ", problems));
    }
  }
}
