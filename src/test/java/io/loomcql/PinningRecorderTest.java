package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loomcql.testkit.PinsOnPurpose;
import io.loomcql.testkit.Pin;
import io.loomcql.testkit.PinningRecorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The pin detector detects: a virtual thread that blocks where it cannot unmount, in a class under
 * {@code io.loomcql.}, fails the recorder with its stack. (A detector that never fires proves nothing.)
 */
@PinsOnPurpose
class PinningRecorderTest {

  /** Blocks in its class initializer: a virtual thread running it pins on JDK 21 and on 25. */
  static final class SlowInit {
    static {
      LockSupport.parkNanos(30_000_000L);
    }

    static void touch() {}
  }

  private static final Object MONITOR = new Object();

  @Test
  void should_fail_with_the_stack_when_a_virtual_thread_blocks_in_a_class_initializer() throws Exception {
    PinningRecorder pins = PinningRecorder.start();
    Thread.ofVirtual().name("pinned-in-clinit").start(SlowInit::touch).join();

    assertThatThrownBy(pins::close)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("inside io.loomcql")
        .hasMessageContaining("pinned-in-clinit")
        .hasMessageContaining("=> io.loomcql.PinningRecorderTest$SlowInit.<clinit>");
  }

  @Test
  void should_fail_when_a_virtual_thread_blocks_inside_synchronized_on_a_jdk_before_24() throws Exception {
    assumeTrue(Runtime.version().feature() < 24, "since JDK 24 (JEP 491) synchronized no longer pins");
    PinningRecorder pins = PinningRecorder.start();
    Thread.ofVirtual().name("pinned-in-synchronized").start(PinningRecorderTest::sleepHoldingMonitor).join();

    assertThatThrownBy(pins::close)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("pinned-in-synchronized")
        .hasMessageContaining("=> io.loomcql.PinningRecorderTest.sleepHoldingMonitor");
  }

  @Test
  void should_pass_when_virtual_threads_only_park_where_they_can_unmount() throws Exception {
    PinningRecorder pins = PinningRecorder.start();
    Thread.ofVirtual().start(() -> LockSupport.parkNanos(10_000_000L)).join();

    assertThat(pins.stop()).isEmpty();
    pins.close();
  }

  @Test
  void should_not_count_the_jvm_loading_or_initializing_a_class_when_loomcql_frames_are_below_it() {
    List<String> read = List.of("sun.nio.ch.SelChImpl.park:88", "io.loomcql.internal.connection.FrameReader.run:56");
    List<String> encode = List.of("io.loomcql.internal.session.RequestEncoder.encode:63");
    List<String> resolve = List.of("jdk.internal.loader.BuiltinClassLoader.loadClassOrNull:590",
        "java.lang.ClassLoader.loadClass:490", "io.loomcql.internal.session.RequestEncoder.inferred:137");

    assertThat(pin("Waited for initialization of sun.nio.ch.Poller by another thread", read).isInsideLoomcql())
        .isFalse();
    assertThat(pin("Waited for initialization of io.loomcql.internal.protocol.Execute by another thread", encode)
        .isInsideLoomcql()).isFalse();
    assertThat(pin("Freeze or preempt failed (2)", resolve).isInsideLoomcql()).isFalse();
    assertThat(pin(null, List.of("sun.nio.ch.Poller.<clinit>:50", "io.loomcql.X.run:1")).isInsideLoomcql()).isFalse();
    List<String> server = List.of("java.lang.Thread.sleep:540", "io.loomcql.testkit.FakeNode.serve:10");
    assertThat(pin(null, server).isInsideLoomcql())
        .as("the test kit's servers do not count")
        .isFalse();
  }

  @Test
  void should_count_a_loomcql_class_initializer_that_parks_and_any_other_pin_under_loomcql_frames() {
    List<String> clinit = List.of("java.lang.Thread.sleep:540", "io.loomcql.internal.Foo.<clinit>:9");

    assertThat(pin("VM call to io.loomcql.internal.Foo.<clinit> on stack", clinit).isInsideLoomcql()).isTrue();
    assertThat(pin(null, clinit).isInsideLoomcql()).isTrue();
    assertThat(pin(null, List.of("sun.nio.ch.SelChImpl.park:88", "io.loomcql.internal.connection.FrameReader.run:56"))
        .isInsideLoomcql()).isTrue();
  }

  private static Pin pin(String reason, List<String> frames) {
    return new Pin("'t' #1", Duration.ofMillis(1), reason, frames, false);
  }

  private static void sleepHoldingMonitor() {
    synchronized (MONITOR) {
      LockSupport.parkNanos(30_000_000L);
    }
  }
}
