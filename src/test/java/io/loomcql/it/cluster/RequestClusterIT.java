package io.loomcql.it.cluster;

import io.loomcql.it.RequestTests;
import io.loomcql.testkit.LocalCluster;
import org.junit.jupiter.api.BeforeAll;

/** {@link RequestTests} on the real 3-node cluster, as issue 7 asks: the rows spread over three nodes. */
class RequestClusterIT extends RequestTests {
  @BeforeAll
  static void connect(LocalCluster nodes) {
    setUp(nodes.contactPoint(1));
  }
}
