package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** EVENT: pushed by the server on stream -1 to connections that REGISTERed for it. */
public sealed interface Event extends Response {
  String TOPOLOGY_CHANGE = "TOPOLOGY_CHANGE";
  String STATUS_CHANGE = "STATUS_CHANGE";
  String SCHEMA_CHANGE = "SCHEMA_CHANGE";

  @Override
  default int opcode() {
    return Opcodes.EVENT;
  }

  /** NEW_NODE, REMOVED_NODE (MOVED_NODE on old servers) and the node's native address. */
  record TopologyChange(String change, InetSocketAddress address) implements Event {}

  /** UP or DOWN and the node's native address. */
  record StatusChange(String change, InetSocketAddress address) implements Event {}

  /** A schema change, with the same fields as the Schema_change result. */
  record SchemaChange(SchemaChangeResult change) implements Event {}

  MessageCodec<Event> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.EVENT;
        }

        @Override
        public int encodedSize(Event event, ProtocolVersion version) {
          return switch (event) {
            case TopologyChange t ->
                Primitives.sizeOfString(TOPOLOGY_CHANGE) + Primitives.sizeOfString(t.change())
                    + Primitives.sizeOfInet(t.address());
            case StatusChange s ->
                Primitives.sizeOfString(STATUS_CHANGE) + Primitives.sizeOfString(s.change())
                    + Primitives.sizeOfInet(s.address());
            case SchemaChange s -> Primitives.sizeOfString(SCHEMA_CHANGE) + s.change().bodySize();
          };
        }

        @Override
        public void encode(Event event, ByteBuffer out, ProtocolVersion version) {
          switch (event) {
            case TopologyChange t -> {
              Primitives.writeString(TOPOLOGY_CHANGE, out);
              Primitives.writeString(t.change(), out);
              Primitives.writeInet(t.address(), out);
            }
            case StatusChange s -> {
              Primitives.writeString(STATUS_CHANGE, out);
              Primitives.writeString(s.change(), out);
              Primitives.writeInet(s.address(), out);
            }
            case SchemaChange s -> {
              Primitives.writeString(SCHEMA_CHANGE, out);
              s.change().encodeBody(out);
            }
          }
        }

        @Override
        public Event decode(ByteBuffer in, ProtocolVersion version) {
          String type = Primitives.readString(in);
          return switch (type) {
            case TOPOLOGY_CHANGE -> new TopologyChange(Primitives.readString(in), Primitives.readInet(in));
            case STATUS_CHANGE -> new StatusChange(Primitives.readString(in), Primitives.readInet(in));
            case SCHEMA_CHANGE -> new SchemaChange(SchemaChangeResult.decodeBody(in));
            default -> throw new ProtocolError("unknown event type '" + type + "'");
          };
        }
      };
}
