package io.loomcql.testkit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a node's {@code system.log}. Logback appends across restarts of the
 * same node, so every question is asked "since a mark" (the file size when the
 * process was launched); otherwise a restarted node would look ready because
 * of the line its previous life wrote.
 */
final class NodeLog {

    private final Path file;

    NodeLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** @return the current size, used as a mark for {@link #since(long)} */
    long mark() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** @return the text written after {@code mark} (all of it if the file shrank) */
    String since(long mark) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = mark <= length ? mark : 0;
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 16, length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** @return the last {@code lines} lines of this log */
    String tail(int lines) {
        return tail(file, lines);
    }

    /** @return the last {@code lines} lines of any text file, or a note if it cannot be read */
    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
