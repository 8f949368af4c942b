package io.fieldsales.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes a stack started, written to {@code <data>/pids} as they start, so that the next start can stop what
 * an earlier stack left behind when it was killed hard (kill -9, a crashed terminal): no orphan keeps a port or the
 * data directory. The PostgreSQL server is found through its own postmaster.pid.
 */
final class ProcessRecords {

    private static final String FILE = "pids";
    private final Path file;

    ProcessRecords(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    synchronized void record(String name, ProcessHandle process) throws IOException {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Files.writeString(file, name + " " + process.pid() + " " + started + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    synchronized void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Stops every recorded process that still runs (and is still the process that was recorded). */
    void stopLeftovers(PrintStream out) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split(" ");
            if (f.length != 3) {
                continue;
            }
            long pid = Long.parseLong(f[1]);
            long started = Long.parseLong(f[2]);
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == started);
            if (handle.isPresent()) {
                out.printf("  stopping  %-16s left over from an earlier run (pid %d)%n", f[0], pid);
                terminate(handle.get(), Duration.ofSeconds(20));
            }
        }
        clear();
    }

    /** Stops a PostgreSQL server still running on this data directory (its postmaster.pid names it). */
    static void stopLeftoverPostgres(Path pgData, PrintStream out) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (handle.isPresent()) {
            out.printf("  stopping  %-16s left over from an earlier run (pid %d)%n", "postgresql", pid);
            // SIGTERM: PostgreSQL's "smart" shutdown, a checkpoint and a clean stop
            terminate(handle.get(), Duration.ofSeconds(60));
        }
    }

    /** SIGTERM, then SIGKILL after the grace period, for the process and everything it started. */
    static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the caller's port check
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
