package io.loomcql.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.Compression;
import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.codec.ValueDecoder;
import io.loomcql.internal.protocol.compression.Allocations;
import io.loomcql.internal.protocol.compression.Compressors;
import io.loomcql.internal.protocol.segment.EnvelopeAssembler;
import io.loomcql.internal.protocol.segment.Segment;
import io.loomcql.internal.protocol.segment.SegmentDecoder;
import io.loomcql.internal.protocol.segment.SegmentFormat;
import io.loomcql.type.DataType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Test A1 of the reliability plan in its long form (the {@code long} Maven profile, never in CI):
 * the v3-v5 frame decoder, the v5 segment decoder (with and without LZ4) and the cell decoder fed
 * random, bit-flipped and truncated input for {@code -Dfuzz.seconds} (default 600).
 *
 * <p>Per try, on top of what the jqwik properties in CI check ({@code DecoderRobustnessTest},
 * {@code SegmentRobustnessTest}: only {@link ProtocolError} escapes):
 * <ul>
 *   <li>no try runs longer than 100 ms: a watchdog thread fails the run and names the input;
 *   <li>no try allocates more than the decoder's body limit ({@code MAX_BODY}, 1 MiB) plus 64 KiB,
 *       measured with the per-thread allocation counter. A try over the bound is measured once
 *       more: the counter also sees the JVM loading a class on its first use (2 MiB for the first
 *       decimal cell in one run).
 * </ul>
 * A try that takes longer than 100 ms is run once more on its own, timed in CPU time, before the
 * run fails, so that a GC pause, JIT compilation or a busy shared 2-core machine does not count as
 * a hang.
 *
 * <p>Run: {@code ./mvnw -B -o test-compile failsafe:integration-test@long failsafe:verify@long
 * -Plong -Dit.test=DecoderFuzzIT -Dfuzz.seconds=600} (add {@code -Dfuzz.seed=N} to replay a run).
 */
class DecoderFuzzIT {
  private static final int MAX_BODY = 1 << 20;
  private static final long ALLOCATION_BOUND = MAX_BODY + 64 * 1024;
  private static final Duration TRY_LIMIT = Duration.ofMillis(100);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** One generated input and how to decode it. */
  private record Input(String kind, byte[] bytes, Runnable decode) {}

  @Test
  void should_fail_only_with_protocol_error_within_100_ms_and_bounded_allocation_on_any_input() throws Exception {
    long seconds = Long.getLong("fuzz.seconds", 600);
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    System.out.printf("DecoderFuzzIT: seed %d, %d s%n", seed, seconds);
    Random random = new Random(seed);
    Iterator<Frame> frames = MessageArbitraries.versions()
        .flatMap(MessageArbitraries::frames).sampleStream().iterator();
    Iterator<DataType> types = MessageArbitraries.types().sampleStream().iterator();

    AtomicLong tryStarted = new AtomicLong();
    AtomicReference<Input> current = new AtomicReference<>();
    Queue<String> slow = new ConcurrentLinkedQueue<>();
    long[] counts = new long[6];
    long maxAllocated = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    Thread watchdog = Thread.ofPlatform().daemon().name("fuzz-watchdog").start(() -> watch(tryStarted, current, slow));
    try {
      long tries = 0;
      while (System.nanoTime() < deadline) {
        Input input = next(random, frames, types);
        current.set(input);
        tryStarted.set(System.nanoTime());
        long allocated = Allocations.during(() -> decodeExpectingOnlyProtocolError(input));
        tryStarted.set(0);
        if (allocated > ALLOCATION_BOUND) {
          // the first use of a class allocates while loading it: count only what a replay allocates
          allocated = Allocations.during(() -> decodeExpectingOnlyProtocolError(input));
        }
        assertThat(allocated).as("bytes allocated by %s on %s", input.kind(), hex(input.bytes()))
            .isLessThanOrEqualTo(ALLOCATION_BOUND);
        maxAllocated = Math.max(maxAllocated, allocated);
        counts[kindIndex(input.kind())]++;
        if (++tries % 1_000_000 == 0) {
          System.out.printf("DecoderFuzzIT: %,d tries%n", tries);
        }
      }
    } finally {
      watchdog.interrupt();
      watchdog.join();
    }
    assertThat(slow).as("tries over %d ms, twice", TRY_LIMIT.toMillis()).isEmpty();
    System.out.printf(
        "DecoderFuzzIT: seed %d: random frames %,d, frames with random bodies %,d, flipped frames %,d, "
            + "truncated frames %,d, cells %,d, v5 segments %,d; most allocated by one try %,d bytes%n",
        seed, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], maxAllocated);
    assertThat(counts[5]).isPositive();
  }

  /**
   * Samples the try in progress every 10 ms; one that has run past the limit is replayed alone
   * (the fuzzing thread is still busy with it, so the replay shows whether the input itself is
   * slow). The replay is timed in CPU time of this thread: a first 10-minute run at a load average
   * of 13 on 2 cores saw wall-clock replays of 346 ms for 600-byte inputs.
   */
  private static void watch(AtomicLong tryStarted, AtomicReference<Input> current, Queue<String> slow) {
    Input lastReplayed = null;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
      long started = tryStarted.get();
      Input input = current.get();
      if (started != 0 && input != lastReplayed && System.nanoTime() - started > TRY_LIMIT.toNanos()) {
        lastReplayed = input;
        long replayStart = THREADS.getCurrentThreadCpuTime();
        decodeExpectingOnlyProtocolError(input);
        long replayNanos = THREADS.getCurrentThreadCpuTime() - replayStart;
        if (replayNanos > TRY_LIMIT.toNanos()) {
          slow.add(input.kind() + " " + hex(input.bytes()) + ": replay took " + replayNanos / 1_000_000 + " ms of CPU");
        }
      }
    }
  }

  private static Input next(Random random, Iterator<Frame> frames, Iterator<DataType> types) {
    switch (random.nextInt(6)) {
      case 0 -> {
        byte[] bytes = randomBytes(random, 400);
        boolean response = random.nextBoolean();
        return new Input("random frame", bytes, () -> FrameCodec.decode(ByteBuffer.wrap(bytes), response, MAX_BODY));
      }
      case 1 -> {
        byte[] body = randomBytes(random, 400);
        ByteBuffer frame = ByteBuffer.allocate(9 + body.length);
        int version = 0x83 + random.nextInt(3);
        frame.put((byte) version).put((byte) random.nextInt(0x10)).putShort((short) random.nextInt(0x8000))
            .put((byte) random.nextInt(0x11)).putInt(body.length).put(body);
        byte[] bytes = frame.array();
        return new Input("frame with random body", bytes,
            () -> FrameCodec.decode(ByteBuffer.wrap(bytes), true, MAX_BODY));
      }
      case 2, 3 -> {
        Frame frame = frames.next();
        ByteBuffer encoded = ByteBuffer.allocate(FrameCodec.encodedSize(frame));
        FrameCodec.encode(frame, encoded);
        byte[] bytes = encoded.array();
        boolean flip = random.nextBoolean();
        if (flip) {
          int flips = 1 + random.nextInt(3);
          for (int i = 0; i < flips; i++) {
            int bit = random.nextInt(bytes.length * 8);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
          }
        }
        byte[] input = flip ? bytes : Arrays.copyOf(bytes, random.nextInt(bytes.length));
        boolean response = frame.isResponse();
        return new Input(flip ? "flipped frame" : "truncated frame", input,
            () -> FrameCodec.decode(ByteBuffer.wrap(input), response, MAX_BODY));
      }
      case 4 -> {
        DataType type = types.next();
        byte[] cell = randomBytes(random, 64);
        return new Input("cell " + type, cell, () -> ValueDecoder.decode(type, ByteBuffer.wrap(cell)));
      }
      default -> {
        byte[] bytes = randomBytes(random, 600);
        boolean lz4 = random.nextBoolean();
        if (bytes.length >= 6 && random.nextBoolean()) {
          // a plausible header length field so that the payload path is reached more often
          int payload = random.nextInt(Math.max(1, bytes.length - 6));
          bytes[0] = (byte) payload;
          bytes[1] = (byte) ((bytes[1] & 0xFE) | ((payload >>> 8) & 1));
        }
        return new Input(lz4 ? "v5 segments, lz4" : "v5 segments", bytes, () -> readSegments(bytes, lz4));
      }
    }
  }

  private static void readSegments(byte[] bytes, boolean lz4) {
    ByteBuffer buffer = ByteBuffer.allocate(SegmentFormat.MAX_SEGMENT_LENGTH).put(bytes).flip();
    SegmentDecoder decoder = new SegmentDecoder(lz4 ? Compressors.forSegments(Compression.LZ4) : null);
    EnvelopeAssembler assembler = new EnvelopeAssembler(MAX_BODY);
    Segment segment;
    while ((segment = decoder.next(buffer)) != null) {
      assembler.feed(segment);
      while (assembler.next() != null) {
        // drained; the sizes are bounded by the assembler's own check
      }
    }
  }

  private static void decodeExpectingOnlyProtocolError(Input input) {
    try {
      input.decode().run();
    } catch (ProtocolError expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) {
        throw new AssertionError(input.kind() + ": a ProtocolError without a message on " + hex(input.bytes()));
      }
    } catch (RuntimeException | Error e) {
      throw new AssertionError(input.kind() + ": " + e + " on " + hex(input.bytes()), e);
    }
  }

  private static int kindIndex(String kind) {
    if (kind.startsWith("random frame")) {
      return 0;
    } else if (kind.startsWith("frame with")) {
      return 1;
    } else if (kind.startsWith("flipped")) {
      return 2;
    } else if (kind.startsWith("truncated")) {
      return 3;
    } else if (kind.startsWith("cell")) {
      return 4;
    }
    return 5;
  }

  private static byte[] randomBytes(Random random, int max) {
    byte[] bytes = new byte[random.nextInt(max + 1)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return out.toString();
  }
}
