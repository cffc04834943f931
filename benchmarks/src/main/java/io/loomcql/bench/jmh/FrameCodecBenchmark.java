package io.loomcql.bench.jmh;

import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import io.loomcql.Row;
import io.loomcql.bench.Workload;
import io.loomcql.bench.stub.CannedResponses;
import io.loomcql.internal.protocol.Execute;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.QueryOptions;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.internal.session.ResultRows;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The driver's protocol layer alone: encoding an EXECUTE frame (three bound bigints), decoding a
 * RESULT Rows frame (1 or 100 rows of bigint, text, 100-byte blob; with or without metadata), and
 * reading every cell of the decoded rows through the public {@link Row} API. Run with
 * {@code bin/bench jmh FrameCodecBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FrameCodecBenchmark {
  @Param({"ONE_ROW", "ROWS_100"})
  public String workload;

  @Param({"true", "false"})
  public boolean metadata;

  private final ByteBuffer out = ByteBuffer.allocate(64 * 1024);
  private ByteBuffer answer;
  private ByteBuffer preparedId;
  private RowsResult decoded;
  private long key;

  @Setup
  public void setUp() {
    Workload w = Workload.valueOf(workload);
    answer = new CannedResponses().executeAnswer(w, 4, !metadata);
    preparedId = CannedResponses.preparedId(Workload.VOID);
    decoded = (RowsResult) FrameCodec.decode(answer.duplicate(), true, Integer.MAX_VALUE).message();
    if (!metadata) {
      // Rows without metadata are read with the prepared statement's columns; borrow them here.
      RowsResult full = (RowsResult) FrameCodec.decode(new CannedResponses().executeAnswer(w, 4, false), true,
          Integer.MAX_VALUE).message();
      decoded = new RowsResult(full.metadata(), decoded.rowCount(), decoded.content());
    }
  }

  /** EXECUTE of a prepared insert with three bigints: build the frame, size it, encode it. */
  @Benchmark
  public int encodeExecute() {
    long k = key++;
    List<ByteBuffer> values = new ArrayList<>(3);
    for (int i = 0; i < 3; i++) {
      values.add(ByteBuffer.allocate(8).putLong(0, k + i));
    }
    Frame frame = Frame.of(ProtocolVersion.V4, (int) (k & 0x7FFF),
        new Execute(preparedId, null, QueryOptions.of(ConsistencyLevel.ONE, values)));
    out.clear();
    FrameCodec.encode(frame, out);
    return out.position();
  }

  /** A whole RESULT frame from bytes: header, metadata (when sent), cell framing checks. */
  @Benchmark
  public Object decodeRowsFrame() {
    return FrameCodec.decode(answer.duplicate(), true, Integer.MAX_VALUE);
  }

  /** Every cell of every row of a decoded result, through the public Row getters. */
  @Benchmark
  public void readRows(Blackhole bh) {
    for (Row row : ResultRows.of(decoded)) {
      bh.consume(row.getLong(0));
      bh.consume(row.getString(1));
      bh.consume(row.getByteBuffer(2));
    }
  }
}
