package io.loomcql.testkit.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The test tree's logger: prints to stderr from the console level up (INFO unless
 * {@code -Dloomcql.test.log=debug|trace}) and hands every line, down to TRACE, to the open
 * {@link LogCapture}s.
 */
final class CapturingLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;
  private static final Level CONSOLE =
      Level.valueOf(System.getProperty("loomcql.test.log", "info").toUpperCase(java.util.Locale.ROOT));

  CapturingLogger(String name) {
    this.name = name;
  }

  private boolean enabled(Level level) {
    return LogCapture.active() || level.toInt() >= CONSOLE.toInt();
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String message, Object[] arguments, Throwable throwable) {
    String text = MessageFormatter.basicArrayFormat(message, arguments);
    StringBuilder line = new StringBuilder().append(level).append(' ').append(name).append(" - ").append(text);
    if (throwable != null) {
      StringWriter trace = new StringWriter();
      throwable.printStackTrace(new PrintWriter(trace));
      line.append(System.lineSeparator()).append(trace);
    }
    if (LogCapture.active()) {
      LogCapture.record(line.toString());
    }
    if (level.toInt() >= CONSOLE.toInt()) {
      System.err.println(LocalTime.now() + " [" + Thread.currentThread().getName() + "] " + line);
    }
  }
}
