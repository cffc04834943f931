package io.loomcql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * Serialises "probe, then launch" across test JVMs of one project (e.g. two
 * Surefire forks): without it both would find no node, wipe the same folder
 * and race for 127.0.0.1:9042. The loser of the lock re-probes and reuses the
 * winner's node. The method is also synchronized for callers inside one JVM.
 */
final class LaunchLock {

    private LaunchLock() {
    }

    static synchronized <T> T run(Supplier<T> action) {
        Path workDir = ProjectPaths.workDir();
        try {
            Files.createDirectories(workDir);
            try (FileChannel channel = FileChannel.open(workDir.resolve("launch.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    return action.get();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + workDir.resolve("launch.lock"), e);
        }
    }
}
