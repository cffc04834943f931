package io.loomcql.testkit;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fake three-node cluster for each test: nodes {@code a}, {@code b} and {@code c}, each listing
 * the others as peers, closed after the test (a test may replace one, to "restart" it).
 */
public abstract class ThreeFakeNodes {
  protected FakeNode a;
  protected FakeNode b;
  protected FakeNode c;

  @BeforeEach
  void startFakeNodes() throws Exception {
    List<FakeNode> nodes = FakeNode.cluster(3);
    a = nodes.get(0);
    b = nodes.get(1);
    c = nodes.get(2);
  }

  @AfterEach
  void stopFakeNodes() throws Exception {
    a.close();
    b.close();
    c.close();
  }
}
