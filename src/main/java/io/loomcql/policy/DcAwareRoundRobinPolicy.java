package io.loomcql.policy;

import io.loomcql.Statement;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import java.util.Collection;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Round robin over the local datacenter's nodes; other datacenters' nodes only after them, and
 * only {@code usedHostsPerRemoteDc} of each (none by default: remote nodes are
 * {@link HostDistance#IGNORED}). The local datacenter is given, or inferred from the contact
 * points when the cluster connects (with an INFO line saying which), never a start-up failure.
 *
 * <p>With a local rack ({@link Builder#withLocalRack}), the local datacenter's nodes in that rack
 * come first, in turn, then the datacenter's other nodes, in turn: requests stay in the rack
 * while it can serve them (lower latency, and no cross-zone traffic where racks are cloud
 * availability zones). In every group, nodes believed up come before nodes believed down.
 */
public final class DcAwareRoundRobinPolicy implements LoadBalancingPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(DcAwareRoundRobinPolicy.class);

  private final int usedHostsPerRemoteDc;
  private final String localRack;
  private final ReentrantLock lock = new ReentrantLock(); // serializes changes to the arrays
  private final AtomicInteger rotation = new AtomicInteger();
  private volatile String localDc;
  private volatile Host[] sameRack = new Host[0]; // local DC, local rack: empty without a rack
  private volatile Host[] local = new Host[0]; // the rest of the local DC
  private volatile Host[] remote = new Host[0];

  /** The local datacenter is inferred from the contact points. */
  public DcAwareRoundRobinPolicy() {
    this(null, 0);
  }

  /**
   * Only the nodes of {@code localDc}, or of the inferred datacenter if null.
   *
   * @param localDc the local datacenter, as the nodes report it, or null to infer it
   */
  public DcAwareRoundRobinPolicy(String localDc) {
    this(localDc, 0);
  }

  /**
   * Round robin in {@code localDc}, with some remote nodes last if asked; no rack preference
   * (see {@link #builder()}).
   *
   * @param localDc the local datacenter, or null to infer it from the contact points
   * @param usedHostsPerRemoteDc how many nodes of each other datacenter may serve requests when
   *     no local node can (0: never leave the local datacenter)
   */
  public DcAwareRoundRobinPolicy(String localDc, int usedHostsPerRemoteDc) {
    this(localDc, null, usedHostsPerRemoteDc);
  }

  private DcAwareRoundRobinPolicy(String localDc, String localRack, int usedHostsPerRemoteDc) {
    if (usedHostsPerRemoteDc < 0) {
      throw new IllegalArgumentException("usedHostsPerRemoteDc must not be negative, got " + usedHostsPerRemoteDc);
    }
    this.localDc = localDc;
    this.localRack = localRack;
    this.usedHostsPerRemoteDc = usedHostsPerRemoteDc;
  }

  /** {@return a builder, for the local rack and to name every setting} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void init(Metadata metadata, Collection<Host> contactPoints) {
    if (localDc == null) {
      for (Host contact : contactPoints) {
        if (contact.datacenter() != null) {
          localDc = contact.datacenter();
          LOG.info("Using datacenter '{}' as the local one: inferred from contact point {}. Name it with"
              + " new DcAwareRoundRobinPolicy(\"...\") to make this explicit.", localDc, contact.address());
          break;
        }
      }
    }
    metadata.allHosts().forEach(this::onAdd);
    if (localRack != null && sameRack.length == 0) {
      LOG.warn("No node of datacenter '{}' is in local rack '{}' (withLocalRack): requests go to the whole"
          + " datacenter in turn until one joins.", localDc, localRack);
    }
  }

  /**
   * The local datacenter: given, or inferred at start-up.
   *
   * @return the datacenter; null before start-up if not given, or if no contact point reported one
   *     (then every node counts as local)
   */
  public String localDc() {
    return localDc;
  }

  /** {@return the local rack whose nodes come first, or null if none was given} */
  public String localRack() {
    return localRack;
  }

  @Override
  public HostDistance distance(Host host) {
    if (isLocal(host)) {
      return HostDistance.LOCAL;
    }
    for (Host known : remote) {
      if (known.equals(host)) {
        return HostDistance.REMOTE;
      }
    }
    return HostDistance.IGNORED;
  }

  private boolean isLocal(Host host) {
    String dc = localDc;
    // Nodes without a known datacenter (added by hand) and a policy without one count as local.
    return dc == null || host.datacenter() == null || dc.equals(host.datacenter());
  }

  @Override
  public Iterator<Host> newQueryPlan(String keyspace, Statement<?> statement) {
    Host[] rack = sameRack;
    Host[] locals = local;
    Host[] remotes = remote;
    // The shared counter is a cache line every request would write: turned only when there is a choice.
    int turn = locals.length > 1 || remotes.length > 1 ? rotation.getAndIncrement() : 0;
    Iterator<Host> plan = rack.length > 0
        ? new RackFirstPlan(rack, locals, turn)
        : UpFirstPlan.of(locals, locals.length == 0 ? 0 : Math.floorMod(turn, locals.length));
    if (remotes.length == 0) {
      return plan;
    }
    return new ConcatPlan(plan, UpFirstPlan.of(remotes, Math.floorMod(turn, remotes.length)));
  }

  @Override
  public void onAdd(Host host) {
    lock.lock();
    try {
      if (isLocal(host)) {
        if (localRack != null && localRack.equals(host.rack())) {
          sameRack = HostArrays.with(sameRack, host);
        } else {
          local = HostArrays.with(local, host);
        }
      } else if (remoteCount(host.datacenter()) < usedHostsPerRemoteDc) {
        remote = HostArrays.with(remote, host);
      }
    } finally {
      lock.unlock();
    }
  }

  private int remoteCount(String dc) {
    int count = 0;
    for (Host known : remote) {
      if (dc.equals(known.datacenter())) {
        count++;
      }
    }
    return count;
  }

  @Override
  public void onRemove(Host host) {
    lock.lock();
    try {
      sameRack = HostArrays.without(sameRack, host);
      local = HostArrays.without(local, host);
      remote = HostArrays.without(remote, host);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "DcAwareRoundRobinPolicy(localDc=" + localDc + (localRack == null ? "" : ", localRack=" + localRack)
        + ", usedHostsPerRemoteDc=" + usedHostsPerRemoteDc + ")";
  }

  /** Settings of a {@link DcAwareRoundRobinPolicy}. Not thread-safe. */
  public static final class Builder {
    private String localDc;
    private String localRack;
    private int usedHostsPerRemoteDc;

    private Builder() {}

    /**
     * The local datacenter; by default inferred from the contact points.
     *
     * @param localDc the datacenter, as the nodes report it, or null to infer it
     * @return this builder
     */
    public Builder withLocalDc(String localDc) {
      this.localDc = localDc;
      return this;
    }

    /**
     * The rack (as the nodes report it in {@code system.local}) whose local-datacenter nodes are
     * tried first; by default none, every local node in turn.
     *
     * @param localRack the rack, or null for none
     * @return this builder
     */
    public Builder withLocalRack(String localRack) {
      this.localRack = localRack;
      return this;
    }

    /**
     * How many nodes of each other datacenter may serve requests when no local node can; default
     * 0, never leave the local datacenter. The first nodes of each datacenter the policy hears of
     * are the ones used.
     *
     * @param usedHostsPerRemoteDc the count per remote datacenter, 0 or more (checked by {@link
     *     #build()})
     * @return this builder
     */
    public Builder withUsedHostsPerRemoteDc(int usedHostsPerRemoteDc) {
      this.usedHostsPerRemoteDc = usedHostsPerRemoteDc;
      return this;
    }

    /**
     * The policy.
     *
     * @return a new policy with these settings
     * @throws IllegalArgumentException if {@code usedHostsPerRemoteDc} is negative
     */
    public DcAwareRoundRobinPolicy build() {
      return new DcAwareRoundRobinPolicy(localDc, localRack, usedHostsPerRemoteDc);
    }
  }
}
