package io.loomcql.internal.connection;

import io.loomcql.internal.protocol.Request;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One request from the moment its caller hands it to the connection until its response arrives or
 * the connection dies. Shared by the caller (which parks in {@link #await}), the writer, the reader
 * and, while it waits in the {@link IdBacklog}, whoever frees a stream id.
 *
 * <p>Its stream id is set once: at creation when one was free, or later by CAS from {@link
 * #NO_ID_YET} to the id handed over by the thread that freed it, unless the caller gave up
 * waiting first ({@link #NO_ID_EVER}).
 *
 * <p>Its outcome is set exactly once by CAS: the response, the failure, or {@link #TIMED_OUT}
 * when the caller gave up first. A timed-out request keeps its stream id (it is an orphan) until
 * the late response arrives, so that answer can never reach a later request on the same id.
 */
final class PendingRequest {
  static final Object TIMED_OUT = new Object();
  static final Object INTERRUPTED = new Object();

  /** Stream id of a request waiting in the backlog for one. */
  static final int NO_ID_YET = -1;
  /** Stream id of a request whose caller stopped waiting before any id was handed to it. */
  static final int NO_ID_EVER = -2;

  private static final VarHandle OUTCOME;
  private static final VarHandle STREAM_ID;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      OUTCOME = lookup.findVarHandle(PendingRequest.class, "outcome", Object.class);
      STREAM_ID = lookup.findVarHandle(PendingRequest.class, "streamId", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // The request frame's parts, encoded by the writer (no Frame object per request).
  final Request message;
  final boolean tracing;
  final Map<String, ByteBuffer> customPayload;
  /**
   * The link in the lock-free list that holds the request: the {@link IdBacklog}'s while it waits
   * for an id, then the {@link FrameWriter}'s queue. Set by the thread that pushes the request,
   * before it publishes it; once the writer took it, read and cleared by the writer only.
   */
  PendingRequest next;
  /** Set by the writer before it encodes the request: from then on it may reach the node. */
  volatile boolean handedToSocket;
  /** An id, {@link #NO_ID_YET} or {@link #NO_ID_EVER}; the writer reads it once the request is queued. */
  volatile int streamId;
  /** The {@link IdBacklog}'s tick count when this request joined it, modulo 2^16 (fits the padding). */
  short queuedAtTick;
  final long deadlineNanos;
  private final Thread waiter;
  @SuppressWarnings("unused") // accessed through OUTCOME
  private volatile Object outcome;

  PendingRequest(
      int streamId, boolean tracing, Map<String, ByteBuffer> customPayload, Request message, Thread waiter,
      long deadlineNanos) {
    this.message = message;
    this.tracing = tracing;
    this.customPayload = customPayload;
    this.streamId = streamId;
    this.waiter = waiter;
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * Reverses a list linked through {@link #next} that the calling thread took whole (from the
   * writer's queue or the backlog's young stack) and returns its new head.
   */
  static PendingRequest reverse(PendingRequest head) {
    PendingRequest reversed = null;
    while (head != null) {
      PendingRequest next = head.next;
      head.next = reversed;
      reversed = head;
      head = next;
    }
    return reversed;
  }

  /**
   * Hands a stream id to this request waiting in the backlog; false if its caller stopped waiting
   * (or the connection closed) first.
   */
  boolean assignStreamId(int id) {
    return STREAM_ID.compareAndSet(this, NO_ID_YET, id);
  }

  /** Ends the wait of a request in the backlog for good; false if an id was handed to it first. */
  boolean giveUpStreamId() {
    return streamId == NO_ID_YET && STREAM_ID.compareAndSet(this, NO_ID_YET, NO_ID_EVER);
  }

  /** Delivers the response; false if the caller timed out already (the request was an orphan). */
  boolean complete(ResponseFrame response) {
    if (OUTCOME.compareAndSet(this, null, response)) {
      LockSupport.unpark(waiter);
      return true;
    }
    return false;
  }

  /** Fails the request; false if it had an outcome already. */
  boolean fail(Throwable cause) {
    if (OUTCOME.compareAndSet(this, null, cause)) {
      LockSupport.unpark(waiter);
      return true;
    }
    return false;
  }

  /** Whether the caller stopped waiting (timeout or interrupt) before any outcome arrived. */
  boolean isAbandoned() {
    Object result = outcome;
    return result == TIMED_OUT || result == INTERRUPTED;
  }

  /** Called by the {@link DeadlineSweeper}: unparks the caller if it still waits past its deadline. */
  void wakeIfExpired(long nowNanos) {
    if (outcome == null && nowNanos - deadlineNanos >= 0) {
      LockSupport.unpark(waiter);
    }
  }

  /**
   * Parks the calling thread until the outcome is known or the deadline passes. The park has no
   * timeout (a timed park costs a timer task per request on a virtual thread): the connection's
   * {@link DeadlineSweeper} unparks the caller once its deadline passed.
   *
   * <p>A request still waiting for a stream id when its caller gives up leaves with {@link
   * #NO_ID_EVER} as its id: it never reached the node, and no outcome will come.
   *
   * @return a {@link ResponseFrame}, a {@link Throwable}, {@link #TIMED_OUT} or, if the thread
   *     was interrupted, {@link #INTERRUPTED} (the interrupt status stays set)
   */
  Object await() {
    boolean parked = false;
    while (true) {
      Object result = outcome;
      if (result != null) {
        return result;
      }
      if (Thread.currentThread().isInterrupted()) {
        if (giveUpStreamId() || OUTCOME.compareAndSet(this, null, INTERRUPTED)) {
          return INTERRUPTED;
        }
        continue;
      }
      // No clock read before the first park: the deadline is still ahead for all but a request
      // sent with almost no time left, and the sweeper wakes that one within a tick.
      if (parked && deadlineNanos - System.nanoTime() <= 0) {
        if (giveUpStreamId() || OUTCOME.compareAndSet(this, null, TIMED_OUT)) {
          return TIMED_OUT;
        }
        continue; // an outcome arrived at the last moment
      }
      LockSupport.park(this);
      parked = true;
    }
  }
}
