package io.loomcql.testkit;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Follows the frame boundaries of one direction of a native-protocol v3/v4 stream (9-byte header:
 * version, flags, stream id (2 bytes), opcode, body length (4 bytes)) as the bytes go by, without
 * decoding bodies, so that {@link FaultProxy} can match a frame by its header and forward, drop or
 * hold it whole. Compressed frames (flag 0x01) are followed the same way: only bodies are
 * compressed. A v5 stream after STARTUP is made of segments, not frames; the proxy turns
 * scanning off before that (see {@link FaultProxy}).
 *
 * <p>Not thread-safe: one pump thread owns it.
 */
final class FrameScanner {
  static final int HEADER_SIZE = 9;

  /** What becomes of one frame: forwarded (null), dropped, or held and handed over whole. */
  record Diversion(boolean keep, Consumer<byte[]> whenComplete) {
    static Diversion drop(Runnable whenComplete) {
      return new Diversion(false, frame -> whenComplete.run());
    }

    static Diversion hold(Consumer<byte[]> whenComplete) {
      return new Diversion(true, whenComplete);
    }
  }

  /** Decides the fate of a frame once its header is complete. */
  @FunctionalInterface
  interface Judge {
    /** @return null to forward the frame, else where its bytes go instead */
    Diversion judge(int version, int flags, int streamId, int opcode, int bodyLength);
  }

  private final Judge judge;
  private final Runnable foreign;
  private final byte[] header = new byte[HEADER_SIZE];
  private int headerFill;
  private long bodyLeft; // > 0 while inside a body
  private Diversion diversion; // of the current frame; null while forwarding it
  private ByteArrayOutputStream held;
  private boolean lost; // a header made no sense (a corrupted stream): forward everything from now on
  private boolean started;

  /**
   * @param foreign told when the stream does not start with a v3-v5 version byte: it is not CQL
   *     (a plain TCP test), and nothing is scanned
   */
  FrameScanner(Judge judge, Runnable foreign) {
    this.judge = judge;
    this.foreign = foreign;
  }

  /**
   * Appends to {@code out} the bytes of {@code data[0, length)} that go on. A header split across
   * reads is kept back until it is complete, since its frame's fate is not known before.
   *
   * @param enabled false once the stream stopped being v3/v4 frames: everything goes on
   */
  void scan(byte[] data, int length, ByteArrayOutputStream out, boolean enabled) {
    if (enabled && !started && length > 0) {
      started = true;
      int version = data[0] & 0x7F;
      if (version < 3 || version > 5) {
        lost = true;
        foreign.run();
      }
    }
    if (!enabled || lost) {
      passThrough(data, length, out);
      return;
    }
    int i = 0;
    while (i < length) {
      if (bodyLeft == 0) {
        int take = Math.min(HEADER_SIZE - headerFill, length - i);
        System.arraycopy(data, i, header, headerFill, take);
        headerFill += take;
        i += take;
        if (headerFill < HEADER_SIZE) {
          return; // the rest of the header comes with the next read
        }
        headerFill = 0;
        if (!startFrame(out)) {
          passThrough(data, i, length, out);
          return;
        }
        continue;
      }
      int take = (int) Math.min(bodyLeft, length - i);
      if (diversion == null) {
        out.write(data, i, take);
      } else if (diversion.keep()) {
        held.write(data, i, take);
      }
      bodyLeft -= take;
      i += take;
      if (bodyLeft == 0) {
        endFrame();
      }
    }
  }

  /** Whether the bytes forwarded so far end inside a frame (another writer must wait for its end). */
  boolean insideForwardedFrame() {
    return !lost && bodyLeft > 0 && diversion == null;
  }

  private boolean startFrame(ByteArrayOutputStream out) {
    int bodyLength = ((header[5] & 0xFF) << 24) | ((header[6] & 0xFF) << 16) | ((header[7] & 0xFF) << 8)
        | (header[8] & 0xFF);
    if (bodyLength < 0) {
      lost = true;
      out.write(header, 0, HEADER_SIZE);
      return false;
    }
    int streamId = (short) (((header[2] & 0xFF) << 8) | (header[3] & 0xFF));
    diversion = judge.judge(header[0] & 0xFF, header[1] & 0xFF, streamId, header[4] & 0xFF, bodyLength);
    if (diversion == null) {
      out.write(header, 0, HEADER_SIZE);
    } else if (diversion.keep()) {
      held = new ByteArrayOutputStream(HEADER_SIZE + Math.min(bodyLength, 1 << 16));
      held.write(header, 0, HEADER_SIZE);
    }
    bodyLeft = bodyLength;
    if (bodyLeft == 0) {
      endFrame();
    }
    return true;
  }

  private void endFrame() {
    if (diversion != null) {
      Diversion done = diversion;
      byte[] frame = done.keep() ? held.toByteArray() : null;
      diversion = null;
      held = null;
      done.whenComplete().accept(frame);
    }
  }

  private void passThrough(byte[] data, int length, ByteArrayOutputStream out) {
    if (headerFill > 0) {
      out.write(header, 0, headerFill);
      headerFill = 0;
    }
    out.write(data, 0, length);
  }

  private static void passThrough(byte[] data, int from, int length, ByteArrayOutputStream out) {
    out.write(data, from, length - from);
  }
}
