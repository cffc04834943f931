package io.loomcql.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A frame-aware rule of {@link FaultProxy}: a condition on requests (the {@code first}-th to the
 * {@code (first + count - 1)}-th request with a given opcode, counted across the proxy's
 * connections from the moment the rule was added) and a {@link Reaction} on the response that
 * carries the same stream id on the same connection. Only v3/v4 connections are matched (see
 * {@link FaultProxy}). Thread-safe.
 */
public final class ProxyRule {

  /** What happens to the response of a matched request. */
  public sealed interface Reaction {
    /** Nothing: the request is only counted and its arrival time recorded. */
    static Reaction observe() {
      return new Observe();
    }

    /** The response never reaches the client; the connection stays open. */
    static Reaction dropResponse() {
      return new DropResponse();
    }

    /**
     * The response is held whole and sent this much later, between two other frames; responses
     * to other requests overtake it, as they may on a real node.
     */
    static Reaction delayResponse(Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("negative delay " + delay);
      }
      return new DelayResponse(delay);
    }
  }

  /** See {@link Reaction#observe()}. */
  public record Observe() implements Reaction {}

  /** See {@link Reaction#dropResponse()}. */
  public record DropResponse() implements Reaction {}

  /** See {@link Reaction#delayResponse(Duration)}. */
  public record DelayResponse(Duration delay) implements Reaction {}

  private final int opcode;
  private final long first;
  private final long count;
  private final Reaction reaction;
  private final AtomicInteger seen = new AtomicInteger();
  private final List<Long> matchedNanos = new CopyOnWriteArrayList<>();
  private final AtomicInteger responsesHandled = new AtomicInteger();

  ProxyRule(int opcode, int first, int count, Reaction reaction) {
    if (first < 1 || count < 1) {
      throw new IllegalArgumentException("first and count start at 1, got " + first + " and " + count);
    }
    this.opcode = opcode;
    this.first = first;
    this.count = count;
    this.reaction = Objects.requireNonNull(reaction, "reaction");
  }

  /** Counts a request; true if it is one this rule is about. */
  boolean matches(int requestOpcode) {
    if (requestOpcode != opcode) {
      return false;
    }
    long n = seen.incrementAndGet();
    if (n >= first && n < first + count) {
      matchedNanos.add(System.nanoTime());
      return true;
    }
    return false;
  }

  Reaction reaction() {
    return reaction;
  }

  void responseHandled() {
    responsesHandled.incrementAndGet();
  }

  /** Requests with this rule's opcode seen since the rule was added. */
  public int seen() {
    return seen.get();
  }

  /** Requests matched so far (at most {@code count}). */
  public int matched() {
    return matchedNanos.size();
  }

  /** When each matched request's header went through the proxy, in {@link System#nanoTime()} time. */
  public List<Long> matchedNanos() {
    return List.copyOf(matchedNanos);
  }

  /** Responses of matched requests dropped, or delivered late, so far. */
  public int responsesHandled() {
    return responsesHandled.get();
  }

  @Override
  public String toString() {
    return "ProxyRule[opcode 0x" + Integer.toHexString(opcode) + ", requests " + first + ".." + (first + count - 1)
        + ", " + reaction + ", matched " + matched() + "]";
  }
}
