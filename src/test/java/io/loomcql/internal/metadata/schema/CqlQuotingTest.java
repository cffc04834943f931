package io.loomcql.internal.metadata.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CqlQuotingTest {

  @Test
  void should_leave_plain_lower_case_names_unquoted() {
    assertThat(CqlIdentifiers.quoteIfNeeded("users")).isEqualTo("users");
    assertThat(CqlIdentifiers.quoteIfNeeded("user_2")).isEqualTo("user_2");
    // Unreserved keywords and type names read back as identifiers.
    assertThat(CqlIdentifiers.quoteIfNeeded("text")).isEqualTo("text");
    assertThat(CqlIdentifiers.quoteIfNeeded("ttl")).isEqualTo("ttl");
  }

  @Test
  void should_quote_reserved_words_upper_case_and_odd_characters() {
    assertThat(CqlIdentifiers.quoteIfNeeded("select")).isEqualTo("\"select\"");
    assertThat(CqlIdentifiers.quoteIfNeeded("table")).isEqualTo("\"table\"");
    assertThat(CqlIdentifiers.quoteIfNeeded("Team")).isEqualTo("\"Team\"");
    assertThat(CqlIdentifiers.quoteIfNeeded("two words")).isEqualTo("\"two words\"");
    assertThat(CqlIdentifiers.quoteIfNeeded("2fast")).isEqualTo("\"2fast\"");
    assertThat(CqlIdentifiers.quoteIfNeeded("_under")).isEqualTo("\"_under\"");
    assertThat(CqlIdentifiers.quoteIfNeeded("café")).isEqualTo("\"café\"");
    assertThat(CqlIdentifiers.quoteIfNeeded("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CqlIdentifiers.qualified("Ks", "select")).isEqualTo("\"Ks\".\"select\"");
  }

  @Test
  void should_escape_string_literals() {
    assertThat(CqlLiterals.string("it's")).isEqualTo("'it''s'");
    assertThat(CqlLiterals.string("''")).isEqualTo("''''''");
    assertThat(CqlLiterals.string("line\nbreak")).isEqualTo("'line\nbreak'");
  }

  @Test
  void should_write_option_values_as_cassandra_describe_does() {
    Map<String, Object> compaction = new LinkedHashMap<>();
    compaction.put("class", "LeveledCompactionStrategy");
    compaction.put("sstable_size_in_mb", "64");
    assertThat(CqlLiterals.value(compaction))
        .isEqualTo("{'class': 'LeveledCompactionStrategy', 'sstable_size_in_mb': '64'}");
    assertThat(CqlLiterals.value(0.01)).isEqualTo("0.01");
    assertThat(CqlLiterals.value(864000)).isEqualTo("864000");
    assertThat(CqlLiterals.value(true)).isEqualTo("true");
    assertThat(CqlLiterals.value(Map.of())).isEqualTo("{}");
    assertThat(CqlLiterals.value(List.of("a", "b'c"))).isEqualTo("['a', 'b''c']");
    assertThat(CqlLiterals.value(Set.of("x"))).isEqualTo("{'x'}");
    ByteBuffer bytes = ByteBuffer.wrap(new byte[] {0, (byte) 0xAB});
    assertThat(CqlLiterals.value(bytes)).isEqualTo("0x00ab");
    assertThat(bytes.remaining()).as("the buffer is not consumed").isEqualTo(2);
  }

  @Test
  void should_leave_out_options_cql_no_longer_accepts() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("comment", "c");
    options.put("dclocal_read_repair_chance", 0.0);
    options.put("default_time_to_live", 0);
    options.put("read_repair_chance", 0.0);
    assertThat(TableOptions.render(options, false)).containsExactly("comment = 'c'", "default_time_to_live = 0");
    assertThat(TableOptions.render(options, true)).containsExactly("comment = 'c'");
  }
}
