package io.loomcql.internal.protocol.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.Compression;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class CompressorsTest {

  @Test
  void should_name_each_algorithm_as_startup_expects() {
    assertThat(Compressors.startupOption(Compression.NONE)).isNull();
    assertThat(Compressors.startupOption(Compression.LZ4)).isEqualTo("lz4");
    assertThat(Compressors.startupOption(Compression.SNAPPY)).isEqualTo("snappy");
    assertThat(Compressors.forBody(Compression.LZ4).protocolName()).isEqualTo("lz4");
    assertThat(Compressors.forBody(Compression.SNAPPY).protocolName()).isEqualTo("snappy");
  }

  @Test
  void should_give_no_codec_when_compression_is_off() {
    assertThat(Compressors.forBody(Compression.NONE)).isNull();
    assertThat(Compressors.forSegments(Compression.NONE)).isNull();
    assertThat(Compressors.forSegments(Compression.LZ4)).isNotNull();
  }

  @Test
  void should_refuse_snappy_for_v5_segments() {
    assertThatThrownBy(() -> Compressors.forSegments(Compression.SNAPPY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LZ4 only");
  }

  @Test
  void should_name_the_missing_artifact_when_a_class_is_absent() {
    ClassLoader bootOnly = new ClassLoader(null) {};
    assertThatThrownBy(() -> Compressors.forBody(Compression.LZ4, bootOnly))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at.yawk.lz4:lz4-java")
        .hasMessageContaining("--add-modules org.lz4.java");
    assertThatThrownBy(() -> Compressors.forBody(Compression.SNAPPY, bootOnly))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("org.xerial.snappy:snappy-java");
  }

  /** The driver's classes alone, without the optional jars: they load, and only asking fails. */
  @Test
  void should_load_without_the_jars_and_fail_only_when_asked() throws Exception {
    URL classes = Compressors.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader driverOnly = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
      Class<?> compression = driverOnly.loadClass(Compression.class.getName());
      Class<?> compressors = driverOnly.loadClass(Compressors.class.getName());
      Method forBody = compressors.getMethod("forBody", compression);
      Method forSegments = compressors.getMethod("forSegments", compression);

      assertThat(forBody.invoke(null, compression.getField("NONE").get(null))).isNull();
      assertThat(failureOf(forBody, compression.getField("LZ4").get(null)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("at.yawk.lz4:lz4-java");
      assertThat(failureOf(forSegments, compression.getField("LZ4").get(null)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("at.yawk.lz4:lz4-java");
      assertThat(failureOf(forBody, compression.getField("SNAPPY").get(null)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("org.xerial.snappy:snappy-java");
    }
  }

  private static Throwable failureOf(Method method, Object argument) throws IllegalAccessException {
    try {
      method.invoke(null, argument);
      throw new AssertionError(method.getName() + "(" + argument + ") should have failed");
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
  }
}
