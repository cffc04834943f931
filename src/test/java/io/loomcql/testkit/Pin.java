package io.loomcql.testkit;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code jdk.VirtualThreadPinned} event as {@link PinningRecorder} saw it: the virtual thread,
 * how long it was pinned, why (the JDK 24+ {@code pinnedReason}; null on 21 to 23) and its frames,
 * top first, as {@code class.method:line}.
 */
public record Pin(String thread, Duration duration, String reason, List<String> frames, boolean truncated) {
  /** Frames printed at least; more when the first frame under io.loomcql is deeper. */
  private static final int FRAMES_SHOWN = 15;

  /** The class a JDK 24+ reason says this thread was initializing. */
  private static final Pattern INITIALIZING = Pattern.compile("VM call to ([\\w.$]+)\\.<clinit>");

  /** Whether a frame belongs to loomcql: a class under io.loomcql, the test kit's servers aside. */
  public static boolean isLoomcqlFrame(String frame) {
    return frame.startsWith("io.loomcql.") && !frame.startsWith("io.loomcql.testkit.");
  }

  /** Index of the first (topmost) loomcql frame, or -1. */
  public int firstLoomcqlFrame() {
    for (int i = 0; i < frames.size(); i++) {
      if (isLoomcqlFrame(frames.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether the pin is the JVM loading or initializing a class, once per class and JVM, which the
   * driver can neither avoid nor fix: waiting for another thread to initialize a class (JDK 24+
   * only reports it), class-loader frames above the loomcql frames (a lazy class resolution that
   * met another thread loading the same class), or initializing a class outside loomcql. A loomcql
   * class whose initializer itself parks still counts.
   */
  public boolean isClassLoading() {
    if (reason != null) {
      if (reason.startsWith("Waited for initialization of ")) {
        return true;
      }
      Matcher initializing = INITIALIZING.matcher(reason);
      if (initializing.find()) {
        return !isLoomcqlFrame(initializing.group(1) + ".<clinit>");
      }
    }
    int first = firstLoomcqlFrame();
    for (int i = 0; i < first; i++) {
      String frame = frames.get(i);
      if (frame.startsWith("java.lang.ClassLoader.") || frame.startsWith("jdk.internal.loader.")
          || frame.contains(".<clinit>")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the pin counts against loomcql: a loomcql frame on the stack, and not class loading. */
  public boolean isInsideLoomcql() {
    return firstLoomcqlFrame() >= 0 && !isClassLoading();
  }

  /** The thread, duration, reason and the top frames, loomcql's marked with {@code =>}. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("virtual thread ").append(thread).append(" pinned for ").append(duration.toNanos() / 1000).append(" us");
    if (reason != null) {
      out.append(" (").append(reason).append(')');
    }
    int shown = Math.min(frames.size(), Math.max(FRAMES_SHOWN, firstLoomcqlFrame() + 3));
    for (int i = 0; i < shown; i++) {
      String frame = frames.get(i);
      out.append(System.lineSeparator()).append(isLoomcqlFrame(frame) ? "  => " : "     ").append(frame);
    }
    if (shown < frames.size() || truncated) {
      out.append(System.lineSeparator()).append("     ...");
    }
    return out.toString();
  }
}
