package io.loomcql.it;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.BeforeAll;

/** {@link RequestTests} on one real node. */
class RequestIT extends RequestTests {
  @BeforeAll
  static void connect(InetSocketAddress contactPoint) {
    setUp(contactPoint);
  }
}
