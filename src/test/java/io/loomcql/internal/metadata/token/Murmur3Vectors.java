package io.loomcql.internal.metadata.token;

/** Blob keys (hex) and the token a Cassandra 5.0 node gave for each with {@code SELECT token(k)}. */
final class Murmur3Vectors {
  private Murmur3Vectors() {}

  /** Lengths around the 8- and 16-byte boundaries; each key's last byte is 0x80 or more. */
  static final String[][] VECTORS = {
    {"e3", "-2408865558115793133"},
    {"a4e9", "6124721602439108556"},
    {"fbd241f034d0b2", "7158010519710558112"},
    {"d72c67b99c9a319a", "-5944514554212708910"},
    {"f4f8c086a3fb882bf3", "-8989777993744128380"},
    {"43f53d7d24a9bfabc319ee70bcecbc", "8719045016438537845"},
    {"3ee84dd7c65dc9851413de8062f85b8d", "-4034177184824515749"},
    {"533f60aafea42e89fe1d566406106abf89", "-5191410758697794492"},
    {"5249f01f6254d9711251780b0fe52d1bbdfbd30e33f1a3c0bae29ffe4108ab", "-2952061174761888387"},
    {"560944d99148955c28cca70659e48253635f5122c608a22a134226fbb6207bd3", "4383468060584478854"},
    {"5e4fb3ec9a6b200facd096ea49884d14d0fac9512b2e3752e0c83351636eeefc95", "-2508106269931819374"},
    {"9a733f25191ddf1eb21e959f487c01b5d5d0b07635e152e61c5d00aa67cf42dc08a3019ee860bdc3", "8991779070939884218"},
  };
}
