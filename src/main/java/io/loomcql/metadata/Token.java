package io.loomcql.metadata;

/**
 * A position on the cluster's token ring, as the cluster's partitioner computes it from a partition
 * key. Immutable and thread-safe.
 *
 * <p>Tokens are ordered the way the partitioner orders them (signed 64-bit for Murmur3, unsigned
 * 128-bit for Random, unsigned byte order for ByteOrdered). Only tokens of the same partitioner
 * compare: comparing tokens of different partitioners throws {@link ClassCastException}.
 * {@code toString()} gives the partitioner's string form, the one {@code system.local},
 * {@code system.peers} and {@code SELECT token(...)} use, and {@link TokenMap#parse(String)} reads
 * it back. Two tokens are {@code equals} when they are the same position.
 */
public interface Token extends Comparable<Token> {}
