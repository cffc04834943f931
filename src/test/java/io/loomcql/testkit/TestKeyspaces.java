package io.loomcql.testkit;

import io.loomcql.Session;

/** Integration tests isolate themselves in keyspaces of their own, made fresh for each run. */
public final class TestKeyspaces {
    private TestKeyspaces() {
    }

    /** Drops {@code keyspace} if a previous run left it, and creates it empty (SimpleStrategy, RF 1). */
    public static void recreate(Session session, String keyspace) {
        session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
        session.execute("CREATE KEYSPACE " + keyspace
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    }
}
