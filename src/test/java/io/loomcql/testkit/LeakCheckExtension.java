package io.loomcql.testkit;

import io.loomcql.internal.DriverResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Applied to every test class (auto-detected, see junit-platform.properties): after the class's
 * own clean-up, the driver must hold no more connections and no more threads than before it ran,
 * and no thread may have died of an uncaught exception meanwhile. Closing is asynchronous (a
 * reader notices its socket closed), so the check waits up to 3 s before it fails.
 */
public final class LeakCheckExtension implements BeforeAllCallback, AfterAllCallback {
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

  private int connectionsBefore;
  private int threadsBefore;

  @Override
  public void beforeAll(ExtensionContext context) {
    connectionsBefore = DriverResources.openConnections();
    threadsBefore = DriverResources.liveThreads();
    UNCAUGHT.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while ((DriverResources.openConnections() > connectionsBefore || DriverResources.liveThreads() > threadsBefore)
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    List<String> problems = new ArrayList<>();
    if (DriverResources.openConnections() > connectionsBefore) {
      problems.add((DriverResources.openConnections() - connectionsBefore) + " driver connection(s) left open");
    }
    if (DriverResources.liveThreads() > threadsBefore) {
      problems.add((DriverResources.liveThreads() - threadsBefore) + " driver thread(s) still running "
          + DriverResources.liveThreadNames());
    }
    UNCAUGHT.forEach(error -> problems.add("uncaught exception in " + error));
    UNCAUGHT.clear();
    if (!problems.isEmpty()) {
      throw new AssertionError(context.getDisplayName() + " leaked: " + String.join("; ", problems));
    }
  }
}
