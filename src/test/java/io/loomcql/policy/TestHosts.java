package io.loomcql.policy;

import io.loomcql.SimpleStatement;
import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.internal.metadata.NodeInfo;
import io.loomcql.internal.metadata.token.DefaultTokenMap;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.KeyspaceMetadata;
import io.loomcql.metadata.Metadata;
import io.loomcql.metadata.TokenMap;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Hand-built nodes and metadata for policy tests: no network, just address, location and tokens. */
final class TestHosts {
  private TestHosts() {}

  /** Node number {@code n} (1..65535) at 10.0.x.y, in {@code dc}/{@code rack}, owning {@code token}. */
  static DefaultHost host(int n, String dc, String rack, String token) {
    try {
      InetAddress ip = InetAddress.getByAddress(new byte[] {10, 0, (byte) (n >> 8), (byte) n});
      InetSocketAddress address = new InetSocketAddress(ip, 9042);
      DefaultHost host = new DefaultHost(address);
      host.describe(new NodeInfo(address, dc, rack, "5.0", new UUID(0, n), Set.of(token), null));
      return host;
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** A node whose token nobody cares about. */
  static DefaultHost host(int n, String dc, String rack) {
    return host(n, dc, rack, Long.toString(n * 1_000_003L));
  }

  /** The whole plan the policy gives for {@code statement} (null: no statement). */
  static List<Host> plan(LoadBalancingPolicy policy, SimpleStatement statement) {
    List<Host> hosts = new ArrayList<>();
    Iterator<Host> plan = policy.newQueryPlan(statement == null ? null : statement.keyspace(), statement);
    plan.forEachRemaining(hosts::add);
    return hosts;
  }

  /** Metadata over exactly {@code hosts}, with a Murmur3 token map for the keyspaces given. */
  static Metadata metadata(List<? extends Host> hosts, Map<String, Map<String, String>> replication) {
    List<Host> nodes = List.copyOf(hosts);
    TokenMap tokens = DefaultTokenMap.build("Murmur3Partitioner", nodes, replication, null);
    return new Metadata() {
      @Override
      public String clusterName() {
        return "test";
      }

      @Override
      public String partitioner() {
        return "org.apache.cassandra.dht.Murmur3Partitioner";
      }

      @Override
      public Set<Host> allHosts() {
        return new LinkedHashSet<>(nodes);
      }

      @Override
      public Map<String, KeyspaceMetadata> keyspaces() {
        return Map.of();
      }

      @Override
      public Optional<KeyspaceMetadata> keyspace(String name) {
        return Optional.empty();
      }

      @Override
      public String describe() {
        return "";
      }

      @Override
      public TokenMap tokenMap() {
        return tokens;
      }

      @Override
      public boolean checkSchemaAgreement() {
        return true;
      }
    };
  }

  static Metadata metadata(List<? extends Host> hosts) {
    return metadata(hosts, Map.of());
  }
}
