# Sourced by bin/test, bin/demo and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: JAVA_HOME if it is >= 21, else the newest JDK >= 21 under /usr/lib/jvm
# (or $LOOMCQL_JVM_DIR), else `java` on PATH if it is >= 21, else fail saying what to install.

loomcql_java_major() {
  # Prints the feature version of the java binary given, e.g. 25; nothing if it does not run.
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

loomcql_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(loomcql_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for candidate in "${LOOMCQL_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(loomcql_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(loomcql_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$candidate"; return 0; fi
  fi
  return 1
}

if ! LOOMCQL_JDK=$(loomcql_find_jdk); then
  echo "loomcql needs a JDK 21 or newer to build, and none was found (JAVA_HOME, /usr/lib/jvm, PATH)." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk-headless, or a Temurin 21/25) or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME="$LOOMCQL_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
