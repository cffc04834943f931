package io.loomcql.internal.metadata.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.metadata.Token;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PartitionerTest {
  private static ByteBuffer utf8(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void should_match_cassandra_murmur3_when_hashing_known_keys() {
    // Published vectors that Cassandra-compatible drivers check against; "kremówki" has tail bytes >= 0x80.
    assertThat(Murmur3Partitioner.hashToLong(utf8("test"))).isEqualTo(-6017608668500074083L);
    assertThat(Murmur3Partitioner.hashToLong(utf8("xd"))).isEqualTo(4507812186440344727L);
    assertThat(Murmur3Partitioner.hashToLong(utf8("primary_key"))).isEqualTo(-1632642444691073360L);
    assertThat(Murmur3Partitioner.hashToLong(utf8("kremówki"))).isEqualTo(4354931215268080151L);
  }

  @Test
  void should_match_cassandra_murmur3_when_keys_span_blocks_and_tails_are_signed() {
    // Vectors read from a Cassandra 5.0 node with SELECT token(k) on a blob key (TokenHashIT checks 1,000 more).
    for (String[] vector : Murmur3Vectors.VECTORS) {
      ByteBuffer key = ByteBuffer.wrap(HexFormat.of().parseHex(vector[0]));
      assertThat(Murmur3Partitioner.INSTANCE.hash(key)).hasToString(vector[1]);
    }
  }

  @Test
  void should_give_the_minimum_token_when_the_key_is_empty() {
    assertThat(Murmur3Partitioner.INSTANCE.hash(ByteBuffer.allocate(0))).isEqualTo(new Murmur3Token(Long.MIN_VALUE));
    assertThat(RandomPartitioner.INSTANCE.hash(ByteBuffer.allocate(0))).hasToString("-1");
    assertThat(ByteOrderedPartitioner.INSTANCE.hash(ByteBuffer.allocate(0))).hasToString("");
  }

  @Test
  void should_turn_long_min_value_into_max_value_when_a_hash_hits_the_minimum_token() {
    assertThat(Murmur3Partitioner.normalize(Long.MIN_VALUE)).isEqualTo(Long.MAX_VALUE);
    assertThat(Murmur3Partitioner.normalize(Long.MIN_VALUE + 1)).isEqualTo(Long.MIN_VALUE + 1);
    assertThat(Murmur3Partitioner.normalize(0)).isZero();
  }

  @Test
  void should_hash_only_between_position_and_limit_and_leave_them_unchanged() {
    ByteBuffer framed = ByteBuffer.wrap("__test__".getBytes(StandardCharsets.UTF_8), 2, 4);
    ByteBuffer slice = framed.slice();
    for (Partitioner partitioner : new Partitioner[] {
        Murmur3Partitioner.INSTANCE, RandomPartitioner.INSTANCE, ByteOrderedPartitioner.INSTANCE}) {
      assertThat(partitioner.hash(framed)).isEqualTo(partitioner.hash(utf8("test")));
      assertThat(partitioner.hash(slice)).isEqualTo(partitioner.hash(utf8("test")));
      assertThat(partitioner.hash(ByteBuffer.allocateDirect(4).put(utf8("test")).flip()))
          .isEqualTo(partitioner.hash(utf8("test")));
      assertThat(framed.position()).isEqualTo(2);
      assertThat(framed.limit()).isEqualTo(6);
    }
  }

  @Test
  void should_take_the_absolute_md5_when_partitioner_is_random() {
    // md5("test") = 098f6b... is positive; md5("loomcql") = 9feef2... is negative as a signed integer.
    assertThat(RandomPartitioner.INSTANCE.hash(utf8("test"))).hasToString("12707736894140473154801792860916528374");
    assertThat(RandomPartitioner.INSTANCE.hash(utf8("loomcql")))
        .hasToString("127694436522751202320663189424297784767");
  }

  @Test
  void should_order_unsigned_bytes_when_partitioner_is_byte_ordered() {
    Token high = ByteOrderedPartitioner.INSTANCE.hash(ByteBuffer.wrap(new byte[] {(byte) 0x80}));
    Token low = ByteOrderedPartitioner.INSTANCE.hash(ByteBuffer.wrap(new byte[] {0x7f, 0x7f}));
    Token prefix = ByteOrderedPartitioner.INSTANCE.hash(ByteBuffer.wrap(new byte[] {0x7f}));
    assertThat(high).isGreaterThan(low);
    assertThat(prefix).isLessThan(low);
    assertThat(high).hasToString("80");
    assertThat(ByteOrderedPartitioner.INSTANCE.parse("7F7f")).isEqualTo(low).hasSameHashCodeAs(low);
    assertThat(ByteOrderedPartitioner.INSTANCE.parse("f")).hasToString("0f");
  }

  @Test
  void should_round_trip_the_string_form_of_every_partitioner() {
    assertThat(Murmur3Partitioner.INSTANCE.parse("-9223372036854775808")).isEqualTo(new Murmur3Token(Long.MIN_VALUE));
    assertThat(Murmur3Partitioner.INSTANCE.parse(" 42 ")).hasToString("42");
    BigInteger max = BigInteger.TWO.pow(127);
    assertThat(RandomPartitioner.INSTANCE.parse(max.toString())).isEqualTo(new RandomToken(max));
    assertThatThrownBy(() -> Murmur3Partitioner.INSTANCE.parse("12x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12x");
    assertThatThrownBy(() -> RandomPartitioner.INSTANCE.parse("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ByteOrderedPartitioner.INSTANCE.parse("zz")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_find_the_partitioner_when_given_a_full_or_short_class_name() {
    assertThat(Partitioners.forName("org.apache.cassandra.dht.Murmur3Partitioner"))
        .isSameAs(Murmur3Partitioner.INSTANCE);
    assertThat(Partitioners.forName("Murmur3Partitioner")).isSameAs(Murmur3Partitioner.INSTANCE);
    assertThat(Partitioners.forName("RandomPartitioner")).isSameAs(RandomPartitioner.INSTANCE);
    assertThat(Partitioners.forName("org.apache.cassandra.dht.ByteOrderedPartitioner"))
        .isSameAs(ByteOrderedPartitioner.INSTANCE);
    assertThat(Partitioners.forName("org.apache.cassandra.dht.OrderPreservingPartitioner")).isNull();
    assertThat(Partitioners.forName("com.example.Murmur3Partitioner")).isNull();
    assertThat(Partitioners.forName(null)).isNull();
  }
}
