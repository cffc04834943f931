package io.loomcql.testkit;

import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.FrameHeader;
import io.loomcql.internal.protocol.Options;
import io.loomcql.internal.protocol.Query;
import io.loomcql.internal.protocol.Ready;
import io.loomcql.internal.protocol.Register;
import io.loomcql.internal.protocol.Response;
import io.loomcql.internal.protocol.Startup;
import io.loomcql.internal.protocol.Supported;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * {@link FakeNode}'s answers over TLS: STARTUP gets READY, OPTIONS gets SUPPORTED, and every QUERY
 * a one-row result echoing its text (so {@code system.local} reads fail harmlessly). Protocol v4
 * through the driver's own codecs; one request at a time per connection.
 */
public final class TlsFakeNode implements AutoCloseable {
  private static final java.util.UUID HOST_ID = java.util.UUID.randomUUID();
  private static final int MAX_BODY = 16 << 20;

  private final TlsTestServer server;

  public TlsFakeNode(SSLContext context, Consumer<SSLServerSocket> configure) throws IOException {
    this.server = new TlsTestServer(context, configure, TlsFakeNode::serve).start();
  }

  public InetSocketAddress address() {
    return server.address();
  }

  public TlsTestServer server() {
    return server;
  }

  private static void serve(SSLSocket socket) throws IOException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    OutputStream out = socket.getOutputStream();
    byte[] header = new byte[FrameHeader.SIZE];
    while (true) {
      try {
        in.readFully(header);
      } catch (EOFException closed) {
        return;
      }
      int length = ByteBuffer.wrap(header).getInt(5);
      if (length < 0 || length > MAX_BODY) {
        throw new IOException("bad frame length " + length);
      }
      ByteBuffer frame = ByteBuffer.allocate(FrameHeader.SIZE + length).put(header);
      in.readFully(frame.array(), FrameHeader.SIZE, length);
      Frame request = FrameCodec.decode(frame.position(0), false, MAX_BODY);
      Frame refusal = FakeNode.unsupportedVersionReply(request);
      if (refusal != null) {
        ByteBuffer encoded = ByteBuffer.allocate(FrameCodec.encodedSize(refusal));
        FrameCodec.encode(refusal, encoded);
        out.write(encoded.array(), 0, encoded.position());
        out.flush();
        continue;
      }
      Response response =
          switch (request.message()) {
            case Startup s -> Ready.INSTANCE;
            case Register r -> Ready.INSTANCE;
            case Query q when q.query().contains("FROM system_schema.") -> SystemTables.empty();
            case Options o -> new Supported(Map.of("CQL_VERSION", List.of("3.4.7")));
            case Query q when SystemTables.answers(q.query()) -> SystemTables.answer(HOST_ID, List.of(), q.query());
            case Query q -> FakeNode.textRow(q.query());
            default -> throw new IOException("TLS fake node does not handle " + request.message());
          };
      Frame reply = Frame.of(request.version(), request.streamId(), response);
      ByteBuffer encoded = ByteBuffer.allocate(FrameCodec.encodedSize(reply));
      FrameCodec.encode(reply, encoded);
      out.write(encoded.array(), 0, encoded.position());
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
