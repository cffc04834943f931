package io.loomcql.error;

/** {@code registerUserType} named a user type that the cluster does not have. */
public class UserTypeDoesNotExistException extends DriverException {
  private static final long serialVersionUID = 1L;

  private final String keyspace;
  private final String userType;

  /**
   * Creates the exception.
   *
   * @param keyspace the keyspace that was searched
   * @param userType the user type that was not found there
   */
  public UserTypeDoesNotExistException(String keyspace, String userType) {
    super("no user type " + userType + " in keyspace " + keyspace + " (checked system_schema.types)");
    this.keyspace = keyspace;
    this.userType = userType;
  }

  /**
   * The keyspace that was searched.
   *
   * @return the keyspace's name
   */
  public String keyspace() {
    return keyspace;
  }

  /**
   * The user type that was not found.
   *
   * @return the type's name
   */
  public String userType() {
    return userType;
  }
}
