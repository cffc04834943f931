package io.loomcql.internal.metadata.schema;

import io.loomcql.type.DataType;
import io.loomcql.type.ListType;
import io.loomcql.type.MapType;
import io.loomcql.type.SetType;
import io.loomcql.type.TupleType;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Orders a keyspace's user types so that each comes after the types it uses (UDTs may nest UDTs):
 * the order to parse them in and to create them in. Ties go by name, so exports are stable.
 */
public final class UserTypeOrder {
  private UserTypeOrder() {}

  /**
   * @param uses each type's name → the names of the user types its fields mention (names outside
   *     the map are ignored)
   * @throws IllegalArgumentException on a cycle, which Cassandra does not allow
   */
  public static List<String> sort(Map<String, Set<String>> uses) {
    Map<String, Integer> waitingOn = new HashMap<>();
    Map<String, List<String>> usedBy = new HashMap<>();
    uses.forEach((type, used) -> {
      int count = 0;
      for (String dependency : used) {
        if (uses.containsKey(dependency) && !dependency.equals(type)) {
          usedBy.computeIfAbsent(dependency, k -> new ArrayList<>()).add(type);
          count++;
        }
      }
      waitingOn.put(type, count);
    });
    TreeSet<String> ready = new TreeSet<>();
    waitingOn.forEach((type, count) -> {
      if (count == 0) {
        ready.add(type);
      }
    });
    List<String> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String next = ready.pollFirst();
      order.add(next);
      for (String user : usedBy.getOrDefault(next, List.of())) {
        if (waitingOn.merge(user, -1, Integer::sum) == 0) {
          ready.add(user);
        }
      }
    }
    if (order.size() != uses.size()) {
      throw new IllegalArgumentException("user types use each other in a cycle: " + uses.keySet().stream()
          .filter(t -> !order.contains(t)).toList());
    }
    return order;
  }

  /** The names of the user types a type mentions directly (not inside those user types). */
  public static Set<String> mentioned(DataType type) {
    Set<String> names = new TreeSet<>();
    collect(type, names);
    return names;
  }

  private static void collect(DataType type, Set<String> names) {
    switch (type) {
      case UserDefinedType u -> names.add(u.name());
      case ListType l -> collect(l.elementType(), names);
      case SetType s -> collect(s.elementType(), names);
      case MapType m -> {
        collect(m.keyType(), names);
        collect(m.valueType(), names);
      }
      case TupleType t -> t.componentTypes().forEach(c -> collect(c, names));
      case VectorType v -> collect(v.elementType(), names);
      default -> {}
    }
  }
}
