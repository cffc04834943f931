package io.loomcql.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tuple and UDT values are immutable, so no public method may take a {@link List} it keeps: the
 * decoder's unchecked, uncopied factory lives in an internal class ({@code DecodedValues}), not in
 * the public API (it was public until session 6).
 */
class ValueImmutabilityTest {
  @Test
  void should_expose_no_public_method_that_takes_a_list_on_tuple_and_udt_values() {
    for (Class<?> type : List.of(TupleValue.class, UdtValue.class)) {
      List<String> takingLists = Arrays.stream(type.getDeclaredMethods())
          .filter(m -> Modifier.isPublic(m.getModifiers()))
          .filter(m -> Arrays.asList(m.getParameterTypes()).contains(List.class))
          .map(Method::toString)
          .toList();
      assertThat(takingLists).as("public methods of %s taking a List", type.getSimpleName()).isEmpty();
    }
  }
}
