package io.loomcql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.ColumnDefinitions;
import io.loomcql.ConsistencyLevel;
import io.loomcql.internal.protocol.Execute;
import io.loomcql.internal.protocol.QueryOptions;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests of one prepared statement share the fixed part of their EXECUTE while their options
 * stay the same, and get a new one as soon as anything in it differs: a reused part that no
 * longer matches would send the wrong consistency, page size or result metadata id.
 */
class ExecuteFixedTest {
  private static final ByteBuffer ID = ByteBuffer.wrap(new byte[] {1, 2, 3});
  private static final ByteBuffer METADATA_ID = ByteBuffer.wrap(new byte[] {4});
  private final DefaultPreparedStatement prepared = new DefaultPreparedStatement(
      "SELECT v FROM t WHERE k = ?", "ks", ID, METADATA_ID, ColumnDefinitions.of(List.of()),
      ColumnDefinitions.of(List.of()), List.of());

  private Execute.Fixed fixed(ByteBuffer metadataId, ConsistencyLevel consistency, int pageSize) {
    return prepared.executeFixed(metadataId, consistency, false, pageSize, null, QueryOptions.NO_NOW);
  }

  @Test
  void should_share_the_fixed_part_while_the_options_are_the_same() {
    Execute.Fixed first = fixed(METADATA_ID, ConsistencyLevel.ONE, 5000);

    assertThat(fixed(METADATA_ID, ConsistencyLevel.ONE, 5000)).isSameAs(first);
    assertThat(first.id()).isSameAs(ID);
  }

  @Test
  void should_build_a_new_fixed_part_when_any_of_it_differs() {
    Execute.Fixed first = fixed(METADATA_ID, ConsistencyLevel.ONE, 5000);

    assertThat(fixed(METADATA_ID, ConsistencyLevel.QUORUM, 5000).consistency()).isEqualTo(ConsistencyLevel.QUORUM);
    assertThat(fixed(METADATA_ID, ConsistencyLevel.ONE, 100).pageSize()).isEqualTo(100);
    assertThat(prepared.executeFixed(METADATA_ID, ConsistencyLevel.ONE, true, 5000, null, QueryOptions.NO_NOW)
        .skipMetadata()).isTrue();
    assertThat(prepared.executeFixed(METADATA_ID, ConsistencyLevel.ONE, false, 5000, ConsistencyLevel.LOCAL_SERIAL,
        QueryOptions.NO_NOW).serialConsistency()).isEqualTo(ConsistencyLevel.LOCAL_SERIAL);
    assertThat(prepared.executeFixed(METADATA_ID, ConsistencyLevel.ONE, false, 5000, null, 42).nowInSeconds())
        .isEqualTo(42);
    assertThat(fixed(METADATA_ID, ConsistencyLevel.ONE, 5000)).isNotSameAs(first).isEqualTo(first);
  }

  @Test
  void should_take_the_new_result_metadata_id_after_a_change() {
    fixed(METADATA_ID, ConsistencyLevel.ONE, 5000);
    ByteBuffer changed = ByteBuffer.wrap(new byte[] {4}); // equal bytes, but a new id from the server

    assertThat(fixed(changed, ConsistencyLevel.ONE, 5000).resultMetadataId()).isSameAs(changed);
    assertThat(fixed(null, ConsistencyLevel.ONE, 5000).resultMetadataId()).isNull();
  }
}
