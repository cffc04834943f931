package io.loomcql;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, at WARN on the logger {@code io.loomcql.SlowQueryLogger}, every request slower than a
 * threshold, and at INFO every failed one when asked: the statement's CQL text, how long it took,
 * the coordinator and the attempts. Bound values are never logged unless
 * {@link Builder#withValues(boolean)} says so, since they may be secrets.
 */
public final class SlowQueryLogger implements RequestTracker {
  private static final Logger LOG = LoggerFactory.getLogger(SlowQueryLogger.class);

  private final long thresholdNanos;
  private final boolean values;
  private final boolean errors;
  private final Logger log;

  private SlowQueryLogger(Builder builder, Logger log) {
    this.thresholdNanos = builder.threshold.toNanos();
    this.values = builder.values;
    this.errors = builder.errors;
    this.log = log;
  }

  /**
   * A logger for requests slower than {@code threshold}.
   *
   * @param threshold the latency from which a successful request is logged; zero logs every one
   * @return the builder
   * @throws NullPointerException if {@code threshold} is null
   * @throws IllegalArgumentException if {@code threshold} is negative
   */
  public static Builder builder(Duration threshold) {
    return new Builder(threshold);
  }

  /** Options of a {@link SlowQueryLogger}. */
  public static final class Builder {
    private final Duration threshold;
    private boolean values;
    private boolean errors;

    private Builder(Duration threshold) {
      Objects.requireNonNull(threshold, "threshold");
      if (threshold.isNegative()) {
        throw new IllegalArgumentException("threshold must not be negative, got " + threshold);
      }
      this.threshold = threshold;
    }

    /**
     * Whether to log the statement's values too (default false: they may be secrets). Bound values
     * are logged in hex as serialized; a batch's values are never logged.
     *
     * @param values {@code true} to log them
     * @return this builder
     */
    public Builder withValues(boolean values) {
      this.values = values;
      return this;
    }

    /**
     * Whether to log failed requests too, at INFO (default false), whatever their latency.
     *
     * @param errors {@code true} to log them
     * @return this builder
     */
    public Builder withErrors(boolean errors) {
      this.errors = errors;
      return this;
    }

    /** {@return a new logger with these options, logging to {@code io.loomcql.SlowQueryLogger}} */
    public SlowQueryLogger build() {
      return new SlowQueryLogger(this, LOG);
    }

    SlowQueryLogger build(Logger log) {
      return new SlowQueryLogger(this, log);
    }
  }

  @Override
  public void onSuccess(Statement<?> statement, long latencyNanos, ExecutionInfo info) {
    if (latencyNanos >= thresholdNanos && log.isWarnEnabled()) {
      log.warn("Slow query ({} ms, coordinator {}, {} attempt(s)): {}{}", latencyNanos / 1_000_000,
          info.coordinator().address(), info.attempts().size(), text(statement), values(statement));
    }
  }

  @Override
  public void onError(Statement<?> statement, long latencyNanos, Throwable error) {
    if (errors && log.isInfoEnabled()) {
      log.info("Failed query ({} ms, {}): {}{}", latencyNanos / 1_000_000, error.getClass().getSimpleName(),
          text(statement), values(statement));
    }
  }

  private static String text(Statement<?> statement) {
    return switch (statement) {
      case SimpleStatement simple -> simple.query();
      case BoundStatement bound -> bound.preparedStatement().query();
      case BatchStatement batch -> "BATCH of " + batch.size() + " statement(s)";
    };
  }

  private String values(Statement<?> statement) {
    if (!values) {
      return "";
    }
    return switch (statement) {
      case SimpleStatement simple when simple.namedValues() != null -> " with values " + simple.namedValues();
      case SimpleStatement simple when !simple.values().isEmpty() -> " with values " + simple.values();
      case BoundStatement bound -> " with values " + hex(bound.serializedValues());
      default -> "";
    };
  }

  private static String hex(List<ByteBuffer> serialized) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < serialized.size(); i++) {
      ByteBuffer value = serialized.get(i);
      text.append(i == 0 ? "" : ", ");
      if (value == null) {
        text.append("null");
      } else {
        byte[] bytes = new byte[value.remaining()];
        value.duplicate().get(bytes);
        text.append("0x").append(HexFormat.of().formatHex(bytes));
      }
    }
    return text.append(']').toString();
  }

  @Override
  public String toString() {
    return "SlowQueryLogger[over " + Duration.ofNanos(thresholdNanos) + (values ? ", with values" : "") + "]";
  }
}
