package io.loomcql.type;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the duration literals CQL accepts; kept apart so that {@link CqlDuration} stays a value. */
final class DurationParser {
  private static final Pattern STANDARD = Pattern.compile("(\\d+)(y|mo|w|d|h|s|ms|us|µs|ns|m)");
  private static final Pattern ISO =
      Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");
  private static final Pattern ISO_WEEKS = Pattern.compile("P(\\d+)W");
  private static final Pattern ISO_ALTERNATIVE =
      Pattern.compile("P(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})");

  private DurationParser() {}

  static CqlDuration parse(String input) {
    String text = input.strip();
    boolean negative = text.startsWith("-");
    String body = negative ? text.substring(1) : text;
    try {
      Accumulator total = new Accumulator();
      if (body.startsWith("P")) {
        parseIso(body, total, input);
      } else {
        parseStandard(body.toLowerCase(Locale.ROOT), total, input);
      }
      return total.build(negative);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration '" + input + "' is out of range", e);
    }
  }

  private static void parseStandard(String body, Accumulator total, String input) {
    Matcher matcher = STANDARD.matcher(body);
    int end = 0;
    while (matcher.lookingAt()) {
      long amount = Long.parseLong(matcher.group(1));
      switch (matcher.group(2)) {
        case "y" -> total.months(Math.multiplyExact(amount, 12));
        case "mo" -> total.months(amount);
        case "w" -> total.days(Math.multiplyExact(amount, 7));
        case "d" -> total.days(amount);
        case "h" -> total.nanos(amount, CqlDuration.NANOS_PER_HOUR);
        case "m" -> total.nanos(amount, CqlDuration.NANOS_PER_MINUTE);
        case "s" -> total.nanos(amount, CqlDuration.NANOS_PER_SECOND);
        case "ms" -> total.nanos(amount, CqlDuration.NANOS_PER_MILLI);
        case "us", "µs" -> total.nanos(amount, CqlDuration.NANOS_PER_MICRO);
        default -> total.nanos(amount, 1);
      }
      end = matcher.end();
      matcher.region(end, body.length());
    }
    if (end == 0 || end != body.length()) {
      throw invalid(input);
    }
  }

  private static void parseIso(String body, Accumulator total, String input) {
    Matcher weeks = ISO_WEEKS.matcher(body);
    Matcher alternative = ISO_ALTERNATIVE.matcher(body);
    Matcher iso = ISO.matcher(body);
    if (weeks.matches()) {
      total.days(Math.multiplyExact(Long.parseLong(weeks.group(1)), 7));
    } else if (alternative.matches()) {
      total.months(Math.addExact(Math.multiplyExact(number(alternative, 1), 12), number(alternative, 2)));
      total.days(number(alternative, 3));
      addTime(total, number(alternative, 4), number(alternative, 5), number(alternative, 6));
    } else if (iso.matches() && body.length() > 1 && !body.endsWith("T")) {
      total.months(Math.addExact(Math.multiplyExact(number(iso, 1), 12), number(iso, 2)));
      total.days(number(iso, 3));
      addTime(total, number(iso, 4), number(iso, 5), number(iso, 6));
    } else {
      throw invalid(input);
    }
  }

  private static void addTime(Accumulator total, long hours, long minutes, long seconds) {
    total.nanos(hours, CqlDuration.NANOS_PER_HOUR);
    total.nanos(minutes, CqlDuration.NANOS_PER_MINUTE);
    total.nanos(seconds, CqlDuration.NANOS_PER_SECOND);
  }

  private static long number(Matcher matcher, int group) {
    String digits = matcher.group(group);
    return digits == null ? 0 : Long.parseLong(digits);
  }

  private static IllegalArgumentException invalid(String input) {
    return new IllegalArgumentException("'" + input + "' is not a CQL duration (examples: 1h30m, -2d, P1Y2M, P2W)");
  }

  /** Sums the parts with overflow checks; the sign is applied once at the end. */
  private static final class Accumulator {
    private long months;
    private long days;
    private long nanos;

    void months(long amount) {
      months = Math.addExact(months, amount);
    }

    void days(long amount) {
      days = Math.addExact(days, amount);
    }

    void nanos(long amount, long unit) {
      nanos = Math.addExact(nanos, Math.multiplyExact(amount, unit));
    }

    CqlDuration build(boolean negative) {
      int sign = negative ? -1 : 1;
      return CqlDuration.of(Math.toIntExact(sign * months), Math.toIntExact(sign * days), sign * nanos);
    }
  }
}
