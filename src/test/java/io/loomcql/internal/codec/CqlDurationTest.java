package io.loomcql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.type.CqlDuration;
import org.junit.jupiter.api.Test;

class CqlDurationTest {
  private static final long HOUR = 3_600_000_000_000L;

  @Test
  void should_parse_the_standard_form_when_units_are_mixed() {
    assertThat(CqlDuration.parse("1h30m")).isEqualTo(CqlDuration.of(0, 0, HOUR + HOUR / 2));
    assertThat(CqlDuration.parse("1y2mo3w4d5ms6us7ns"))
        .isEqualTo(CqlDuration.of(14, 25, 5_000_000L + 6_000L + 7));
    assertThat(CqlDuration.parse("-2d")).isEqualTo(CqlDuration.of(0, -2, 0));
    assertThat(CqlDuration.parse("3µs")).isEqualTo(CqlDuration.of(0, 0, 3_000));
  }

  @Test
  void should_parse_iso_forms_when_prefixed_by_p() {
    assertThat(CqlDuration.parse("P1Y2M")).isEqualTo(CqlDuration.of(14, 0, 0));
    assertThat(CqlDuration.parse("P1DT2H")).isEqualTo(CqlDuration.of(0, 1, 2 * HOUR));
    assertThat(CqlDuration.parse("P2W")).isEqualTo(CqlDuration.of(0, 14, 0));
    assertThat(CqlDuration.parse("-P0001-02-03T04:00:00")).isEqualTo(CqlDuration.of(-14, -3, -4 * HOUR));
  }

  @Test
  void should_reject_mixed_signs_and_garbage() {
    assertThatThrownBy(() -> CqlDuration.of(1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CqlDuration.parse("1h30")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CqlDuration.parse("P")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CqlDuration.parse("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_print_the_standard_form() {
    assertThat(CqlDuration.of(-14, -3, -(HOUR + 5)).toString()).isEqualTo("-1y2mo3d1h5ns");
    assertThat(CqlDuration.of(0, 0, 0).toString()).isEqualTo("0s");
  }
}
