package io.loomcql.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * Server options for a locally launched node or cluster. Immutable; start from
 * {@link #defaults()} and add what a test needs, e.g.
 * {@code CassandraOptions.defaults().withAuth()}.
 *
 * @param authentication {@code PasswordAuthenticator} + {@code CassandraAuthorizer}, login
 *                       {@value #USER}/{@value #PASSWORD}
 * @param maxHeap        {@code -Xmx} of each node (the initial heap stays small, because as root
 *                       Cassandra locks the whole committed heap in memory)
 * @param extraYaml      extra {@code cassandra.yaml} lines, appended verbatim (must not repeat a
 *                       key of the template)
 */
public record CassandraOptions(boolean authentication, String maxHeap, List<String> extraYaml) {

    /** Default superuser name when {@link #authentication()} is on. */
    public static final String USER = "cassandra";
    /** Default superuser password when {@link #authentication()} is on. */
    public static final String PASSWORD = "cassandra";

    /** Copies the list, so the record stays immutable. */
    public CassandraOptions {
        extraYaml = List.copyOf(extraYaml);
    }

    /** @return no auth, no TLS, 1 GiB max heap */
    public static CassandraOptions defaults() {
        return new CassandraOptions(false, "1G", List.of());
    }

    /** @return these options with password authentication and authorization on */
    public CassandraOptions withAuth() {
        return new CassandraOptions(true, maxHeap, extraYaml);
    }

    /** @return these options with another {@code -Xmx}, e.g. {@code "512M"} */
    public CassandraOptions withMaxHeap(String heap) {
        return new CassandraOptions(authentication, heap, extraYaml);
    }

    /**
     * Adds raw yaml, e.g. {@code client_encryption_options} for TLS tests.
     *
     * @param lines yaml lines (may contain newlines)
     * @return these options plus the lines
     */
    public CassandraOptions withYaml(String lines) {
        List<String> more = new ArrayList<>(extraYaml);
        more.add(lines);
        return new CassandraOptions(authentication, maxHeap, more);
    }

    /** @return the yaml text for the {@code @EXTRA@} placeholder */
    String yaml() {
        List<String> lines = new ArrayList<>();
        if (authentication) {
            lines.add("authenticator: PasswordAuthenticator");
            lines.add("authorizer: CassandraAuthorizer");
            lines.add("role_manager: CassandraRoleManager");
        }
        lines.addAll(extraYaml);
        return String.join("\n", lines);
    }
}
