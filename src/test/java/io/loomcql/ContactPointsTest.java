package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.logging.LogCapture;
import org.junit.jupiter.api.Test;

/** Contact points that do not resolve: skipped with a WARN while another one works. */
class ContactPointsTest {
  @Test
  void should_skip_an_unresolvable_contact_point_with_a_warning_when_another_resolves() throws Exception {
    try (FakeNode node = new FakeNode(); LogCapture logs = LogCapture.start()) {
      String reachable = "127.0.0.1:" + node.address().getPort();
      try (Cluster cluster = Cluster.builder().addContactPoints("no-such-node.invalid", reachable).build();
          Session session = cluster.connect()) {
        assertThat(session.execute("works").one().getString(0)).isEqualTo("works");
      }
      assertThat(logs.lines()).anySatisfy(line ->
          assertThat(line).contains("WARN").contains("do not resolve").contains("no-such-node.invalid"));
    }
  }

  @Test
  void should_refuse_to_build_when_no_contact_point_resolves() {
    assertThatThrownBy(() -> Cluster.builder().addContactPoints("no-such-node.invalid", "nor-this.invalid:9042").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-node.invalid")
        .hasMessageContaining("nor-this.invalid:9042");
  }
}
