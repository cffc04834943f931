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
 * threads than before it, every connection closed meanwhile must have got all its stream ids back
 * (in flight and orphaned), and no thread may have died of an uncaught exception meanwhile.
 * Closing is asynchronous (a reader notices its socket closed), so the check waits up to 3 s
 * before it fails.
 *
 * <p>The stream-id check needs {@code -Dloomcql.test.trackClosedConnections=true} (pom.xml sets
 * it for surefire and failsafe). With {@code -Dloomcql.test.pinCheck=true} (bin/test-jdk21 sets
 * it) each class also runs under a {@link PinningRecorder}, so that a whole suite on JDK 21 fails
 * on any virtual-thread pin inside the driver; classes marked {@link PinsOnPurpose} are exempt.
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

  private static final boolean PIN_CHECK = Boolean.getBoolean("loomcql.test.pinCheck");

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put("class", Counts.now());
    UNCAUGHT.clear();
    if (PIN_CHECK && !context.getRequiredTestClass().isAnnotationPresent(PinsOnPurpose.class)) {
      context.getStore(NAMESPACE).put("pins", PinningRecorder.start());
    }
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
    try {
      check(context, context.getStore(NAMESPACE).get("class", Counts.class), true);
    } finally {
      PinningRecorder pins = context.getStore(NAMESPACE).remove("pins", PinningRecorder.class);
      if (pins != null) {
        pins.close(); // fails with each stack if a pin was inside the driver
      }
    }
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
    List<String> heldIds = idsHeldByClosedConnections(deadline);
    if (!heldIds.isEmpty()) {
      problems.add("closed connection(s) still holding stream ids: " + heldIds);
    }
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

  /**
   * Waits until the deadline for every connection closed since the last check to free its stream
   * ids, then names those that still hold some ({@code name=count}).
   */
  private static List<String> idsHeldByClosedConnections(long deadline) throws InterruptedException {
    List<DriverResources.ClosedConnection> closed = DriverResources.drainClosedConnections();
    while (closed.stream().anyMatch(c -> c.idsInUse().getAsInt() > 0) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return closed.stream()
        .filter(c -> c.idsInUse().getAsInt() > 0)
        .map(c -> c.name() + "=" + c.idsInUse().getAsInt())
        .toList();
  }
}
