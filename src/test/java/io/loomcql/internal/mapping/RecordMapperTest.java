package io.loomcql.internal.mapping;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.ColumnDefinition;
import io.loomcql.ColumnDefinitions;
import io.loomcql.type.CqlDuration;
import io.loomcql.type.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordMapperTest {
  record Subscription(long userId, CqlDuration billingPeriod) {}

  record WrongPeriod(long userId, String billingPeriod) {}

  private static final ColumnDefinitions COLUMNS = ColumnDefinitions.of(List.of(
      new ColumnDefinition("ks", "t", "user_id", DataType.BIGINT),
      new ColumnDefinition("ks", "t", "billing_period", DataType.DURATION)));

  @Test
  void should_accept_the_java_types_the_type_layer_reads_when_binding_columns() {
    // A duration column reads as CqlDuration: the mapper must agree with the codecs.
    assertThatCode(() -> RecordMapper.of(Subscription.class).bind(COLUMNS)).doesNotThrowAnyException();
  }

  @Test
  void should_name_the_column_and_both_types_when_a_component_cannot_take_the_column() {
    assertThatThrownBy(() -> RecordMapper.of(WrongPeriod.class).bind(COLUMNS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("billing_period")
        .hasMessageContaining("duration")
        .hasMessageContaining("String");
  }
}
