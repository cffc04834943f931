package io.loomcql.policy;

import io.loomcql.metadata.Host;
import java.util.Arrays;

/** Copy-on-write arrays of hosts: policies read them on every request without a lock. */
final class HostArrays {
  private HostArrays() {}

  static Host[] with(Host[] hosts, Host host) {
    for (Host known : hosts) {
      if (known.equals(host)) {
        return hosts;
      }
    }
    Host[] more = Arrays.copyOf(hosts, hosts.length + 1);
    more[hosts.length] = host;
    return more;
  }

  static Host[] without(Host[] hosts, Host host) {
    int index = -1;
    for (int i = 0; i < hosts.length; i++) {
      if (hosts[i].equals(host)) {
        index = i;
        break;
      }
    }
    if (index < 0) {
      return hosts;
    }
    Host[] fewer = new Host[hosts.length - 1];
    System.arraycopy(hosts, 0, fewer, 0, index);
    System.arraycopy(hosts, index + 1, fewer, index, hosts.length - index - 1);
    return fewer;
  }
}
