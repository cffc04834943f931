package io.loomcql.testkit;

/**
 * Thrown when the test kit cannot provide a Cassandra node: no JDK 17, the
 * server classpath cannot be resolved, or a node fails or times out while
 * starting. The message carries the tail of the node's log, because that is
 * almost always what one needs to see to understand the failure.
 */
public final class CassandraStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, including log excerpts where useful */
    public CassandraStartException(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause   the underlying error
     */
    public CassandraStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
