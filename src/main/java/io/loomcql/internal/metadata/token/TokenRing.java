package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Host;
import io.loomcql.metadata.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ring: every node token sorted ascending, each with the node that owns it. Nodes are numbered
 * (their index in {@link #hosts()}) so that replication strategies can work on int arrays. Immutable
 * and thread-safe once built.
 *
 * <p>If two nodes claim the same token (a replaced node whose {@code system.peers} row lingers), the
 * one that comes first in the host collection keeps it, so the result does not depend on sort
 * details.
 */
final class TokenRing {
  private static final Logger LOG = LoggerFactory.getLogger(TokenRing.class);

  private final Partitioner partitioner;
  private final List<Token> tokens;
  private final int[] owners;
  private final List<Host> hosts;
  private final RingSearch search;

  private TokenRing(Partitioner partitioner, List<Token> tokens, int[] owners, List<Host> hosts) {
    this.partitioner = partitioner;
    this.tokens = tokens;
    this.owners = owners;
    this.hosts = hosts;
    this.search = partitioner.search(tokens);
  }

  private record Entry(Token token, int host) {}

  static TokenRing build(Partitioner partitioner, Collection<? extends Host> candidates) {
    List<Host> hosts = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    for (Host host : candidates) {
      int index = hosts.size();
      for (String text : host.tokens()) {
        try {
          entries.add(new Entry(partitioner.parse(text), index));
        } catch (IllegalArgumentException e) {
          LOG.warn("Host {}: ignoring token '{}', which {} cannot read", host, text, partitioner.name());
        }
      }
      if (entries.size() > 0 && entries.get(entries.size() - 1).host() == index) {
        hosts.add(host);
      }
    }
    Entry[] sorted = entries.toArray(Entry[]::new);
    Arrays.sort(sorted, Comparator.comparing(Entry::token)); // stable: the first claimant stays first
    List<Token> tokens = new ArrayList<>(sorted.length);
    int[] owners = new int[sorted.length];
    for (Entry entry : sorted) {
      if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).equals(entry.token())) {
        LOG.debug("Token {} is claimed by both {} and {}; keeping {}", entry.token(),
            hosts.get(owners[tokens.size() - 1]), hosts.get(entry.host()), hosts.get(owners[tokens.size() - 1]));
        continue;
      }
      owners[tokens.size()] = entry.host();
      tokens.add(entry.token());
    }
    List<Host> owning = keepOwners(hosts, owners, tokens.size());
    return new TokenRing(partitioner, List.copyOf(tokens), Arrays.copyOf(owners, tokens.size()), owning);
  }

  /**
   * Drops the nodes left without a token (every one of theirs was claimed first by another node)
   * and renumbers the owners, so that strategies count only nodes that are on the ring.
   */
  private static List<Host> keepOwners(List<Host> hosts, int[] owners, int size) {
    int[] renumbered = new int[hosts.size()];
    Arrays.fill(renumbered, -1);
    List<Host> kept = new ArrayList<>();
    for (int p = 0; p < size; p++) {
      if (renumbered[owners[p]] < 0) {
        renumbered[owners[p]] = kept.size();
        kept.add(hosts.get(owners[p]));
      }
      owners[p] = renumbered[owners[p]];
    }
    return List.copyOf(kept);
  }

  Partitioner partitioner() {
    return partitioner;
  }

  /** Number of ring positions (distinct tokens). */
  int size() {
    return owners.length;
  }

  boolean isEmpty() {
    return owners.length == 0;
  }

  /** The sorted, distinct tokens. */
  List<Token> tokens() {
    return tokens;
  }

  Token token(int position) {
    return tokens.get(position);
  }

  /** Index in {@link #hosts()} of the node owning the token at {@code position}. */
  int owner(int position) {
    return owners[position];
  }

  /** The nodes that own at least one token, in the order of their first token, numbered by their index here. */
  List<Host> hosts() {
    return hosts;
  }

  RingSearch search() {
    return search;
  }

  /** Each host's ring positions, ascending. */
  Map<Host, int[]> positionsByHost() {
    int[] counts = new int[hosts.size()];
    for (int owner : owners) {
      counts[owner]++;
    }
    int[][] positions = new int[hosts.size()][];
    for (int h = 0; h < positions.length; h++) {
      positions[h] = new int[counts[h]];
      counts[h] = 0;
    }
    for (int p = 0; p < owners.length; p++) {
      positions[owners[p]][counts[owners[p]]++] = p;
    }
    Map<Host, int[]> byHost = new HashMap<>();
    for (int h = 0; h < positions.length; h++) {
      byHost.put(hosts.get(h), positions[h]);
    }
    return byHost;
  }
}
