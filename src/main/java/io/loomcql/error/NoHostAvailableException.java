package io.loomcql.error;

import io.loomcql.metadata.Host;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * No node could take the request. {@link #errors()} lists every node tried with the reason, so
 * the message tells an operator what to check without turning on debug logs.
 */
public class NoHostAvailableException extends DriverException {
  private static final long serialVersionUID = 1L;

  private final transient Map<Host, Throwable> errors;

  /**
   * Creates the exception; its message names every node tried and its error.
   *
   * @param context what the driver was trying to do
   * @param errors every node tried, in order, with the error it gave; copied
   */
  public NoHostAvailableException(String context, Map<Host, Throwable> errors) {
    super(describe(context, errors));
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  /**
   * Every node tried, in order, with the error it gave.
   *
   * @return the errors by node; unmodifiable, empty when no node was tried, and {@code null} after
   *     the exception was deserialized
   */
  public Map<Host, Throwable> errors() {
    return errors;
  }

  private static String describe(String context, Map<Host, Throwable> errors) {
    StringBuilder text = new StringBuilder("No host available: ").append(context);
    if (errors.isEmpty()) {
      return text.append(" (no host was tried)").toString();
    }
    text.append(" (tried: ");
    String separator = "";
    for (Map.Entry<Host, Throwable> entry : errors.entrySet()) {
      text.append(separator).append(entry.getKey().address()).append(": ").append(entry.getValue().getMessage());
      separator = ", ";
    }
    return text.append(')').toString();
  }
}
