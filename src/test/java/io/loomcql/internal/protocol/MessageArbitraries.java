package io.loomcql.internal.protocol;

import io.loomcql.ColumnDefinition;
import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import io.loomcql.type.DataType;
import io.loomcql.type.ListType;
import io.loomcql.type.MapType;
import io.loomcql.type.NativeType;
import io.loomcql.type.SetType;
import io.loomcql.type.TupleType;
import io.loomcql.type.UserDefinedType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of every message this codec knows, with the fields each protocol version allows. */
final class MessageArbitraries {
  private MessageArbitraries() {}

  static net.jqwik.api.arbitraries.StringArbitrary strings() {
    return Arbitraries.strings()
        .alpha()
        .numeric()
        .withChars(' ', '_', '"', '\'')
        .withCharRange('\u00e0', '\u00ff') // two UTF-8 bytes
        .withCharRange('\u4e00', '\u4e20') // three UTF-8 bytes
        .ofMaxLength(24);
  }

  static Arbitrary<ByteBuffer> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(b -> ByteBuffer.wrap(b).asReadOnlyBuffer());
  }

  static Arbitrary<ByteBuffer> nullableBytes() {
    return bytes().injectNull(0.1);
  }

  static Arbitrary<ConsistencyLevel> consistency() {
    return Arbitraries.of(ConsistencyLevel.class);
  }

  static Arbitrary<ProtocolVersion> versions() {
    return Arbitraries.of(ProtocolVersion.V3, ProtocolVersion.V4, ProtocolVersion.V5);
  }

  static Arbitrary<DataType> types() {
    return types(3);
  }

  private static Arbitrary<DataType> types(int depth) {
    Arbitrary<DataType> natives = Arbitraries.of(NativeType.class).map(t -> t);
    if (depth == 0) {
      return natives;
    }
    Arbitrary<DataType> inner = Arbitraries.lazy(() -> types(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, natives),
        net.jqwik.api.Tuple.of(1, inner.map(t -> (DataType) new ListType(t, false))),
        net.jqwik.api.Tuple.of(1, inner.map(t -> (DataType) new SetType(t, false))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(inner, inner).as((k, v) -> (DataType) new MapType(k, v, false))),
        net.jqwik.api.Tuple.of(1, inner.list().ofMinSize(1).ofMaxSize(3).map(l -> (DataType) new TupleType(l))),
        net.jqwik.api.Tuple.of(
            1,
            Combinators.combine(
                    Arbitraries.oneOf(natives, natives.map(t -> (DataType) new ListType(t, false))),
                    Arbitraries.integers().between(1, 4))
                .as((element, dimension) -> (DataType) new io.loomcql.type.VectorType(element, dimension))),
        net.jqwik.api.Tuple.of(
            1,
            Combinators.combine(strings(), strings(), inner.list().ofMinSize(1).ofMaxSize(3))
                .as(
                    (ks, name, fields) -> {
                      List<String> names = java.util.stream.IntStream.range(0, fields.size()).mapToObj(i -> "f" + i).toList();
                      return (DataType) new UserDefinedType(ks, name, names, fields, true);
                    })));
  }

  static Arbitrary<QueryOptions> queryOptions(ProtocolVersion version) {
    boolean v5 = version.code() >= 5;
    Arbitrary<List<ByteBuffer>> values =
        Arbitraries.oneOf(
                nullableBytes(), version.code() >= 4 ? Arbitraries.just(Primitives.UNSET) : nullableBytes())
            .list()
            .ofMaxSize(5);
    Arbitrary<Map<String, ByteBuffer>> named =
        Arbitraries.maps(strings(), nullableBytes()).ofMaxSize(4).injectNull(0.7);
    return Combinators.combine(
            consistency(),
            values,
            named,
            Arbitraries.of(true, false),
            Arbitraries.integers().between(-1, 10_000),
            bytes().injectNull(0.5),
            Arbitraries.of(ConsistencyLevel.SERIAL, ConsistencyLevel.LOCAL_SERIAL).injectNull(0.5),
            Arbitraries.longs().between(0, Long.MAX_VALUE).injectNull(0.5))
        .flatAs(
            (cl, vals, names, skip, pageSize, paging, serial, timestamp) ->
                Combinators.combine(
                        v5 ? strings().ofMinLength(1).injectNull(0.5) : Arbitraries.just((String) null),
                        v5 ? Arbitraries.integers().between(0, Integer.MAX_VALUE).injectNull(0.5) : Arbitraries.just((Integer) null))
                    .as(
                        (keyspace, now) ->
                            new QueryOptions(
                                cl,
                                names == null ? vals : List.of(),
                                names,
                                skip,
                                pageSize <= 0 ? -1 : pageSize,
                                paging,
                                serial,
                                timestamp == null ? QueryOptions.NO_TIMESTAMP : timestamp,
                                keyspace,
                                now == null ? QueryOptions.NO_NOW : now)));
  }

  static Arbitrary<Request> requests(ProtocolVersion version) {
    return Arbitraries.oneOf(
        Arbitraries.maps(strings(), strings()).ofMaxSize(3).map(Startup::new),
        Arbitraries.just(Options.INSTANCE),
        nullableBytes().map(AuthResponse::new),
        strings().list().ofMaxSize(3).map(Register::new),
        Combinators.combine(strings(), queryOptions(version)).as(Query::new),
        Combinators.combine(strings(), version.code() >= 5 ? strings().injectNull(0.5) : Arbitraries.just((String) null))
            .as(Prepare::new),
        Combinators.combine(bytes(), version.code() >= 5 ? bytes() : Arbitraries.just((ByteBuffer) null), queryOptions(version))
            .as(Execute::new),
        batches(version));
  }

  static Arbitrary<Request> batches(ProtocolVersion version) {
    boolean v5 = version.code() >= 5;
    Arbitrary<Batch.Child> child =
        Combinators.combine(Arbitraries.of(true, false), strings(), bytes(), nullableBytes().list().ofMaxSize(3))
            .as((simple, query, id, values) -> new Batch.Child(simple ? query : null, simple ? null : id, values));
    return Combinators.combine(
            Arbitraries.integers().between(0, 2),
            child.list().ofMaxSize(4),
            consistency(),
            Arbitraries.of(ConsistencyLevel.SERIAL, ConsistencyLevel.LOCAL_SERIAL).injectNull(0.5),
            Arbitraries.longs().between(0, Long.MAX_VALUE).injectNull(0.5),
            v5 ? strings().injectNull(0.5) : Arbitraries.just((String) null),
            v5 ? Arbitraries.integers().between(0, Integer.MAX_VALUE).injectNull(0.5) : Arbitraries.just((Integer) null))
        .as(
            (type, children, cl, serial, timestamp, keyspace, now) ->
                new Batch(type, children, cl, serial, timestamp == null ? QueryOptions.NO_TIMESTAMP : timestamp,
                    keyspace, now == null ? QueryOptions.NO_NOW : now));
  }

  static Arbitrary<Response> responses(ProtocolVersion version) {
    return Arbitraries.oneOf(
        Arbitraries.just(Ready.INSTANCE),
        strings().map(Authenticate::new),
        nullableBytes().map(AuthChallenge::new),
        nullableBytes().map(AuthSuccess::new),
        Arbitraries.maps(strings(), strings().list().ofMaxSize(3)).ofMaxSize(3).map(Supported::new),
        errors(version),
        results(version),
        events());
  }

  static Arbitrary<Response> events() {
    Arbitrary<java.net.InetSocketAddress> address =
        Combinators.combine(addresses(), Arbitraries.integers().between(0, 65535)).as(java.net.InetSocketAddress::new);
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of("NEW_NODE", "REMOVED_NODE", "MOVED_NODE"), address)
            .as(Event.TopologyChange::new),
        Combinators.combine(Arbitraries.of("UP", "DOWN"), address).as(Event.StatusChange::new),
        Combinators.combine(Arbitraries.of("CREATED", "DROPPED"), strings())
            .as((change, ks) -> new Event.SchemaChange(new SchemaChangeResult(change, "KEYSPACE", ks, null, List.of()))));
  }

  static Arbitrary<Response> results(ProtocolVersion version) {
    Arbitrary<ColumnDefinition> column =
        Combinators.combine(strings(), strings(), strings(), types()).as(ColumnDefinition::new);
    Arbitrary<Response> rows =
        Combinators.combine(column.list().ofMinSize(1).ofMaxSize(4), bytes().injectNull(0.5), Arbitraries.integers().between(0, 4))
            .flatAs(
                (columns, paging, rowCount) ->
                    nullableBytes()
                        .list()
                        .ofSize(columns.size())
                        .list()
                        .ofSize(rowCount)
                        .map(cells -> (Response) RowsResult.of(RowsMetadata.of(columns, paging), cells)));
    Arbitrary<Response> schemaChange =
        Combinators.combine(
                Arbitraries.of("CREATED", "UPDATED", "DROPPED"),
                Arbitraries.of("KEYSPACE", "TABLE", "TYPE", "FUNCTION", "AGGREGATE"),
                strings(),
                strings(),
                strings().list().ofMaxSize(3))
            .as(
                (change, target, ks, name, args) ->
                    switch (target) {
                      case "KEYSPACE" -> new SchemaChangeResult(change, target, ks, null, List.of());
                      case "TABLE", "TYPE" -> new SchemaChangeResult(change, target, ks, name, List.of());
                      default -> new SchemaChangeResult(change, target, ks, name, args);
                    });
    Arbitrary<RowsMetadata> resultMetadata =
        Arbitraries.oneOf(
            Arbitraries.just(new RowsMetadata(null, 0, null, null)),
            column.list().ofMinSize(1).ofMaxSize(3).map(columns -> RowsMetadata.of(columns, null)));
    Arbitrary<Response> prepared =
        Combinators.combine(
                bytes(),
                version.code() >= 5 ? bytes() : Arbitraries.just((ByteBuffer) null),
                column.list().ofMaxSize(4),
                Arbitraries.integers().between(0, 3).list().ofMaxSize(3),
                resultMetadata)
            .as(
                (id, metadataId, variables, keys, result) ->
                    new PreparedResult(
                        id, metadataId, new PreparedMetadata(variables, version.code() >= 4 ? keys : List.of()), result));
    return Arbitraries.oneOf(
        Arbitraries.just(VoidResult.INSTANCE), strings().map(SetKeyspaceResult::new), rows, schemaChange, prepared);
  }

  static Arbitrary<Response> errors(ProtocolVersion version) {
    boolean v5 = version.code() >= 5;
    Arbitrary<Integer> count = Arbitraries.integers().between(0, 5);
    Arbitrary<Map<InetAddress, Integer>> reasons =
        v5 ? Arbitraries.maps(addresses(), Arbitraries.integers().between(0, 0xFFFF)).ofMaxSize(3)
            : Arbitraries.just(null);
    Arbitrary<String> writeType = Arbitraries.of("SIMPLE", "BATCH", "UNLOGGED_BATCH", "COUNTER", "BATCH_LOG", "CAS", "VIEW");
    Arbitrary<ErrorDetails> details =
        Arbitraries.oneOf(
            Combinators.combine(consistency(), count, count).as(ErrorDetails.Unavailable::new),
            Combinators.combine(consistency(), count, count, writeType)
                .as((cl, r, b, w) -> new ErrorDetails.WriteTimeout(cl, r, b, w, v5 && w.equals("CAS") ? 2 : -1)),
            Combinators.combine(consistency(), count, count, Arbitraries.of(true, false)).as(ErrorDetails.ReadTimeout::new),
            Combinators.combine(consistency(), count, count, count, reasons, Arbitraries.of(true, false))
                .as((cl, r, b, f, m, d) -> new ErrorDetails.ReadFailure(cl, r, b, m == null ? f : m.size(), m, d)),
            Combinators.combine(consistency(), count, count, count, reasons, writeType)
                .as((cl, r, b, f, m, w) -> new ErrorDetails.WriteFailure(cl, r, b, m == null ? f : m.size(), m, w)),
            Combinators.combine(consistency(), count, count).as(ErrorDetails.CasWriteUnknown::new),
            Combinators.combine(strings(), strings(), strings().list().ofMaxSize(3)).as(ErrorDetails.FunctionFailure::new),
            Combinators.combine(strings(), strings()).as(ErrorDetails.AlreadyExists::new),
            bytes().map(ErrorDetails.Unprepared::new));
    Arbitrary<Response> withDetails =
        Combinators.combine(details, strings())
            .as((d, message) -> new ErrorResponse(codeOf(d), message, d));
    Arbitrary<Response> plain =
        Combinators.combine(
                Arbitraries.of(
                    ErrorCodes.SERVER_ERROR, ErrorCodes.PROTOCOL_ERROR, ErrorCodes.AUTH_ERROR, ErrorCodes.OVERLOADED,
                    ErrorCodes.IS_BOOTSTRAPPING, ErrorCodes.TRUNCATE_ERROR, ErrorCodes.SYNTAX_ERROR,
                    ErrorCodes.UNAUTHORIZED, ErrorCodes.INVALID, ErrorCodes.CONFIG_ERROR),
                strings())
            .as((code, message) -> new ErrorResponse(code, message, ErrorDetails.None.INSTANCE));
    return Arbitraries.oneOf(withDetails, plain);
  }

  private static int codeOf(ErrorDetails details) {
    return switch (details) {
      case ErrorDetails.Unavailable u -> ErrorCodes.UNAVAILABLE;
      case ErrorDetails.WriteTimeout w -> ErrorCodes.WRITE_TIMEOUT;
      case ErrorDetails.ReadTimeout r -> ErrorCodes.READ_TIMEOUT;
      case ErrorDetails.ReadFailure r -> ErrorCodes.READ_FAILURE;
      case ErrorDetails.WriteFailure w -> ErrorCodes.WRITE_FAILURE;
      case ErrorDetails.CasWriteUnknown c -> ErrorCodes.CAS_WRITE_UNKNOWN;
      case ErrorDetails.FunctionFailure f -> ErrorCodes.FUNCTION_FAILURE;
      case ErrorDetails.AlreadyExists a -> ErrorCodes.ALREADY_EXISTS;
      case ErrorDetails.Unprepared u -> ErrorCodes.UNPREPARED;
      case ErrorDetails.None n -> ErrorCodes.SERVER_ERROR;
    };
  }

  private static Arbitrary<InetAddress> addresses() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofSize(4)
        .map(
            b -> {
              try {
                return InetAddress.getByAddress(b);
              } catch (UnknownHostException e) {
                throw new AssertionError(e);
              }
            });
  }

  static Arbitrary<Frame> frames(ProtocolVersion version) {
    Arbitrary<Integer> streams = Arbitraries.integers().between(0, 32767);
    Arbitrary<Frame> requestFrames =
        Combinators.combine(streams, Arbitraries.of(true, false), Arbitraries.maps(strings(), bytes()).ofMaxSize(2), requests(version))
            .as((id, tracing, payload, message) -> new Frame(version, id, tracing, null, List.of(), payload, message));
    Arbitrary<Frame> responseFrames =
        Combinators.combine(streams, Arbitraries.create(UUID::randomUUID).injectNull(0.5), strings().list().ofMaxSize(2), responses(version))
            .as((id, tracingId, warnings, message) -> new Frame(version, id, tracingId != null, tracingId, warnings, Map.of(), message));
    return Arbitraries.oneOf(requestFrames, responseFrames);
  }
}
