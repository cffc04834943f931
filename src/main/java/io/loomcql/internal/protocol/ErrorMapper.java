package io.loomcql.internal.protocol;

import io.loomcql.error.AlreadyExistsException;
import io.loomcql.error.AuthenticationException;
import io.loomcql.error.ConfigurationException;
import io.loomcql.error.CoordinatorException;
import io.loomcql.error.FunctionFailureException;
import io.loomcql.error.InvalidQueryException;
import io.loomcql.error.IsBootstrappingException;
import io.loomcql.error.OverloadedException;
import io.loomcql.error.ProtocolError;
import io.loomcql.error.ReadFailureException;
import io.loomcql.error.ReadTimeoutException;
import io.loomcql.error.ServerError;
import io.loomcql.error.SyntaxError;
import io.loomcql.error.TruncateException;
import io.loomcql.error.UnauthorizedException;
import io.loomcql.error.UnavailableException;
import io.loomcql.error.UnpreparedException;
import io.loomcql.error.WriteFailureException;
import io.loomcql.error.WriteTimeoutException;
import io.loomcql.error.WriteType;
import java.net.InetSocketAddress;

/** Turns an ERROR message into the public exception for its code, on the caller's thread. */
public final class ErrorMapper {
  private ErrorMapper() {}

  public static CoordinatorException toException(ErrorResponse error, InetSocketAddress coordinator) {
    String message = error.message();
    return switch (error.details()) {
      case ErrorDetails.Unavailable u ->
          new UnavailableException(coordinator, message, u.consistency(), u.required(), u.alive());
      case ErrorDetails.WriteTimeout w ->
          new WriteTimeoutException(
              coordinator, message, w.consistency(), w.received(), w.blockFor(), WriteType.fromProtocol(w.writeType()));
      case ErrorDetails.ReadTimeout r ->
          new ReadTimeoutException(coordinator, message, r.consistency(), r.received(), r.blockFor(), r.dataPresent());
      case ErrorDetails.ReadFailure r ->
          new ReadFailureException(
              coordinator, message, r.consistency(), r.received(), r.blockFor(), r.failures(), r.dataPresent());
      case ErrorDetails.WriteFailure w ->
          new WriteFailureException(
              coordinator,
              message,
              w.consistency(),
              w.received(),
              w.blockFor(),
              w.failures(),
              WriteType.fromProtocol(w.writeType()));
      case ErrorDetails.CasWriteUnknown c ->
          new WriteTimeoutException(coordinator, message, c.consistency(), c.received(), c.blockFor(), WriteType.CAS);
      case ErrorDetails.FunctionFailure f ->
          new FunctionFailureException(coordinator, message, f.keyspace(), f.function(), f.argumentTypes());
      case ErrorDetails.AlreadyExists a -> new AlreadyExistsException(coordinator, message, a.keyspace(), a.table());
      case ErrorDetails.Unprepared u -> new UnpreparedException(coordinator, message, u.id());
      case ErrorDetails.None none -> withoutDetails(error.code(), message, coordinator);
    };
  }

  private static CoordinatorException withoutDetails(int code, String message, InetSocketAddress coordinator) {
    return switch (code) {
      case ErrorCodes.PROTOCOL_ERROR -> new ProtocolError(coordinator, message);
      case ErrorCodes.AUTH_ERROR -> new AuthenticationException(coordinator, message);
      case ErrorCodes.OVERLOADED -> new OverloadedException(coordinator, message);
      case ErrorCodes.IS_BOOTSTRAPPING -> new IsBootstrappingException(coordinator, message);
      case ErrorCodes.TRUNCATE_ERROR -> new TruncateException(coordinator, message);
      case ErrorCodes.SYNTAX_ERROR -> new SyntaxError(coordinator, message);
      case ErrorCodes.UNAUTHORIZED -> new UnauthorizedException(coordinator, message);
      case ErrorCodes.INVALID -> new InvalidQueryException(coordinator, message);
      case ErrorCodes.CONFIG_ERROR -> new ConfigurationException(coordinator, message);
      case ErrorCodes.SERVER_ERROR -> new ServerError(coordinator, message);
      default -> new ServerError(coordinator, "error code 0x" + Integer.toHexString(code) + ": " + message);
    };
  }
}
