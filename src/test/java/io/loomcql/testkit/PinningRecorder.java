package io.loomcql.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;

/**
 * Records JFR {@code jdk.VirtualThreadPinned} events in this JVM (threshold 0, with stack traces)
 * and fails, on {@link #close()}, if any pin was inside loomcql: a stack with a frame of a class
 * under {@code io.loomcql.}, not counting {@code io.loomcql.testkit.} (the fake servers may do what
 * they like). The message prints each offending stack. See {@link Pin#isInsideLoomcql()}: the
 * JVM loading or initializing a class (once per class, by this thread or another) does not count;
 * JDK 24+ reports those waits, so without that rule the check fails at random on who loads first.
 *
 * <pre>{@code
 * try (PinningRecorder pins = PinningRecorder.start()) {
 *   ... the request paths under test, closing their Cluster inside the block ...
 * }
 * }</pre>
 *
 * <p>Which JDKs it is meaningful on: on JDK 21 to 23 a virtual thread pins when it parks inside
 * {@code synchronized}, under a native frame, or in a class initializer; 21 is the driver's target
 * and where this check matters most. Since JDK 24 (JEP 491) {@code synchronized} no longer pins,
 * so on 24 and later the check still catches parking in a class initializer or under a native
 * frame (the self-test {@code io.loomcql.PinningRecorderTest} shows a class-initializer pin caught
 * on JDK 25) but cannot see parking under {@code synchronized}: run it on a JDK 21 for that.
 *
 * <p>Not thread-safe: one test owns it. Events arrive on the stream's own thread; {@link #stop()}
 * waits until every event recorded before it is consumed ({@code RecordingStream.stop}, JDK 20+),
 * so no sleep is needed.
 */
public final class PinningRecorder implements AutoCloseable {
  private static final String EVENT = "jdk.VirtualThreadPinned";

  private final RecordingStream stream;
  private final Queue<Pin> pins = new ConcurrentLinkedQueue<>();
  private boolean stopped;

  private PinningRecorder() {
    stream = new RecordingStream();
    stream.enable(EVENT).withThreshold(Duration.ZERO).withStackTrace();
    stream.onEvent(EVENT, event -> pins.add(pin(event)));
  }

  /** Starts recording; events come in on the stream's own thread. */
  public static PinningRecorder start() {
    PinningRecorder recorder = new PinningRecorder();
    recorder.stream.startAsync();
    return recorder;
  }

  /**
   * Stops recording, waits until every event recorded so far is consumed, and returns the pins
   * inside loomcql. Idempotent.
   */
  public List<Pin> stop() {
    if (!stopped) {
      stopped = true;
      stream.stop();
    }
    return pins.stream().filter(Pin::isInsideLoomcql).toList();
  }

  /** Every pin recorded, inside loomcql or not (complete after {@link #stop()}). */
  public List<Pin> all() {
    return List.copyOf(pins);
  }

  /** Stops recording and fails with each offending stack if any pin was inside loomcql. */
  @Override
  public void close() {
    List<Pin> inside;
    try {
      inside = stop();
    } finally {
      stream.close();
    }
    if (!inside.isEmpty()) {
      StringBuilder message = new StringBuilder()
          .append(inside.size()).append(" of ").append(pins.size())
          .append(" jdk.VirtualThreadPinned events were inside io.loomcql (=> marks its frames):");
      for (Pin pin : inside) {
        message.append(System.lineSeparator()).append(pin.describe());
      }
      throw new AssertionError(message.toString());
    }
  }

  private static Pin pin(RecordedEvent event) {
    List<String> frames = new ArrayList<>();
    RecordedStackTrace stack = event.getStackTrace();
    if (stack != null) {
      for (RecordedFrame frame : stack.getFrames()) {
        int line = frame.getLineNumber();
        String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
        frames.add(line >= 0 ? method + ":" + line : method);
      }
    }
    RecordedThread thread = event.getThread();
    String name = thread == null ? "?" : "'" + thread.getJavaName() + "' #" + thread.getJavaThreadId();
    String reason = event.hasField("pinnedReason") ? event.getString("pinnedReason") : null;
    return new Pin(name, event.getDuration(), reason, List.copyOf(frames), stack != null && stack.isTruncated());
  }
}
