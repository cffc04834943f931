package io.loomcql.bench.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options; {@code --flag} alone means "true". */
final class Args {
  private final Map<String, String> values = new HashMap<>();
  private final List<String> raw;

  Args(String[] args) {
    this.raw = List.of(args);
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option, got " + args[i]);
      }
      String name = args[i].substring(2);
      if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        values.put(name, args[++i]);
      } else {
        values.put(name, "true");
      }
    }
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int getInt(String name, int fallback) {
    return Integer.parseInt(get(name, String.valueOf(fallback)));
  }

  double getDouble(String name, double fallback) {
    return Double.parseDouble(get(name, String.valueOf(fallback)));
  }

  List<String> rawArgs() {
    return raw;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  List<String> list(String name, String fallback) {
    List<String> list = new ArrayList<>();
    for (String s : get(name, fallback).split(",")) {
      if (!s.isBlank()) {
        list.add(s.trim());
      }
    }
    return list;
  }
}
