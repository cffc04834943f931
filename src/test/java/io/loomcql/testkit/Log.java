package io.loomcql.testkit;

import java.lang.System.Logger.Level;

/**
 * Kit logging through {@link System.Logger}: no logging framework is imposed on
 * the tests, and the messages still reach SLF4J/JUL if the tests route them.
 */
final class Log {

    private static final System.Logger LOGGER = System.getLogger("io.loomcql.testkit");

    private Log() {
    }

    static void info(String format, Object... args) {
        LOGGER.log(Level.INFO, () -> String.format(format, args));
    }

    static void warn(String format, Object... args) {
        LOGGER.log(Level.WARNING, () -> String.format(format, args));
    }
}
