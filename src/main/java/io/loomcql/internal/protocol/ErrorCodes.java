package io.loomcql.internal.protocol;

/** ERROR codes (native protocol section 9). */
public final class ErrorCodes {
  public static final int SERVER_ERROR = 0x0000;
  public static final int PROTOCOL_ERROR = 0x000A;
  public static final int AUTH_ERROR = 0x0100;
  public static final int UNAVAILABLE = 0x1000;
  public static final int OVERLOADED = 0x1001;
  public static final int IS_BOOTSTRAPPING = 0x1002;
  public static final int TRUNCATE_ERROR = 0x1003;
  public static final int WRITE_TIMEOUT = 0x1100;
  public static final int READ_TIMEOUT = 0x1200;
  public static final int READ_FAILURE = 0x1300;
  public static final int FUNCTION_FAILURE = 0x1400;
  public static final int WRITE_FAILURE = 0x1500;
  public static final int CDC_WRITE_FAILURE = 0x1600;
  public static final int CAS_WRITE_UNKNOWN = 0x1700;
  public static final int SYNTAX_ERROR = 0x2000;
  public static final int UNAUTHORIZED = 0x2100;
  public static final int INVALID = 0x2200;
  public static final int CONFIG_ERROR = 0x2300;
  public static final int ALREADY_EXISTS = 0x2400;
  public static final int UNPREPARED = 0x2500;

  private ErrorCodes() {}
}
