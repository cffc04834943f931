package io.loomcql.testkit;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fake two-node cluster for each test: nodes {@code a} and {@code b}, each listing the other as
 * a peer, closed after the test. A subclass's own {@code @BeforeEach} runs after these are up.
 */
public abstract class TwoFakeNodes {
  protected FakeNode a;
  protected FakeNode b;

  @BeforeEach
  void startFakeNodes() throws Exception {
    List<FakeNode> nodes = FakeNode.cluster(2);
    a = nodes.get(0);
    b = nodes.get(1);
  }

  @AfterEach
  void stopFakeNodes() throws Exception {
    a.close();
    b.close();
  }
}
