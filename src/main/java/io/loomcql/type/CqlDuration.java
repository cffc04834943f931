package io.loomcql.type;

/**
 * A CQL {@code duration}: months, days and nanoseconds kept apart, because a month or a day has no
 * fixed length in nanoseconds (calendar months, daylight saving). All three parts share one sign.
 * Immutable; equal when the three parts are equal (so 1mo and 30d differ, as in Cassandra).
 */
public final class CqlDuration {
  static final long NANOS_PER_MICRO = 1_000L;
  static final long NANOS_PER_MILLI = 1_000_000L;
  static final long NANOS_PER_SECOND = 1_000_000_000L;
  static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
  static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

  private final int months;
  private final int days;
  private final long nanoseconds;

  private CqlDuration(int months, int days, long nanoseconds) {
    boolean anyNegative = months < 0 || days < 0 || nanoseconds < 0;
    boolean anyPositive = months > 0 || days > 0 || nanoseconds > 0;
    if (anyNegative && anyPositive) {
      throw new IllegalArgumentException("a duration's months (" + months + "), days (" + days
          + ") and nanoseconds (" + nanoseconds + ") must all be >= 0 or all be <= 0");
    }
    this.months = months;
    this.days = days;
    this.nanoseconds = nanoseconds;
  }

  /**
   * A duration from its three parts.
   *
   * @param months calendar months
   * @param days calendar days
   * @param nanoseconds the time part, in nanoseconds
   * @return the duration
   * @throws IllegalArgumentException when the parts have different signs (Cassandra rejects them)
   */
  public static CqlDuration of(int months, int days, long nanoseconds) {
    return new CqlDuration(months, days, nanoseconds);
  }

  /**
   * Parses CQL's duration literals: {@code 1h30m}, {@code -2d10ms},
   * {@code 1y2mo3w4d5h6m7s8ms9us10ns} ({@code µs} too), ISO 8601 {@code P1Y2M3DT4H5M6S} and
   * {@code P2W}, and the alternative form {@code P0001-02-03T04:05:06}. The units of the first form
   * are case-insensitive; the ISO forms must be upper case. Years become 12 months and weeks 7 days.
   *
   * @param text the literal; surrounding white space is ignored
   * @return the duration
   * @throws IllegalArgumentException saying what could not be read, or that a part is out of range
   */
  public static CqlDuration parse(String text) {
    return DurationParser.parse(text);
  }

  /**
   * The months part, which includes the years (12 months each).
   *
   * @return the months; 0 or less in a negative duration
   */
  public int months() {
    return months;
  }

  /**
   * The days part, which includes the weeks (7 days each).
   *
   * @return the days; 0 or less in a negative duration
   */
  public int days() {
    return days;
  }

  /**
   * The time part, in nanoseconds: hours, minutes, seconds and their fractions. It is never turned
   * into days, so it may exceed one ({@code 25h} stays 25 hours).
   *
   * @return the nanoseconds; 0 or less in a negative duration
   */
  public long nanoseconds() {
    return nanoseconds;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CqlDuration that
        && months == that.months && days == that.days && nanoseconds == that.nanoseconds;
  }

  @Override
  public int hashCode() {
    return (31 * months + days) * 31 + Long.hashCode(nanoseconds);
  }

  /** The standard CQL form, for example {@code -1y2mo3d4h5m6s7ms8us9ns}; {@code 0s} for zero. */
  @Override
  public String toString() {
    if (months == 0 && days == 0 && nanoseconds == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    if (months < 0 || days < 0 || nanoseconds < 0) {
      text.append('-');
    }
    long m = Math.abs((long) months);
    long n = Math.abs(nanoseconds);
    if (nanoseconds == Long.MIN_VALUE) {
      n = Long.MAX_VALUE; // |MIN_VALUE| does not fit; off by 1 ns in text only
    }
    append(text, m / 12, "y");
    append(text, m % 12, "mo");
    append(text, Math.abs((long) days), "d");
    append(text, n / NANOS_PER_HOUR, "h");
    n %= NANOS_PER_HOUR;
    append(text, n / NANOS_PER_MINUTE, "m");
    n %= NANOS_PER_MINUTE;
    append(text, n / NANOS_PER_SECOND, "s");
    n %= NANOS_PER_SECOND;
    append(text, n / NANOS_PER_MILLI, "ms");
    n %= NANOS_PER_MILLI;
    append(text, n / NANOS_PER_MICRO, "us");
    append(text, n % NANOS_PER_MICRO, "ns");
    return text.toString();
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount != 0) {
      text.append(amount).append(unit);
    }
  }
}
