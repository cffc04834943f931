package io.loomcql.error;

/** {@code registerUserType} named a user type that the cluster does not have. */
public class UserTypeDoesNotExistException extends DriverException {
  private static final long serialVersionUID = 1L;

  private final String keyspace;
  private final String userType;

  public UserTypeDoesNotExistException(String keyspace, String userType) {
    super("no user type " + userType + " in keyspace " + keyspace + " (checked system_schema.types)");
    this.keyspace = keyspace;
    this.userType = userType;
  }

  public String keyspace() {
    return keyspace;
  }

  public String userType() {
    return userType;
  }
}
