package io.loomcql.internal.session;

import io.loomcql.ResultSet;
import io.loomcql.Row;
import io.loomcql.SimpleStatement;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads what a node says of itself in {@code system.local}: datacenter, rack, version, id, tokens. */
final class SystemLocal {
  private static final String QUERY =
      "SELECT data_center, rack, release_version, host_id, tokens FROM system.local WHERE key = 'local'";

  private SystemLocal() {}

  static void describe(DefaultSession session, DefaultHost host) {
    ResultSet result = session.execute(SimpleStatement.newInstance(QUERY).setIdempotent(true));
    Row row = result.one();
    if (row == null) {
      return;
    }
    Set<String> tokens = new LinkedHashSet<>();
    Object raw = row.getObject("tokens");
    if (raw instanceof Set<?> set) {
      for (Object token : set) {
        tokens.add(String.valueOf(token));
      }
    }
    host.describe(
        row.getString("data_center"), row.getString("rack"), row.getString("release_version"), row.getUuid("host_id"), tokens);
  }
}
