package io.fieldsales.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Memory of the stack's processes from /proc (Linux; 0 where the system does not tell). Sums use the proportional
 * set size (PSS), which counts a shared page once across the processes sharing it: summing plain RSS over
 * PostgreSQL's backends would count its shared buffers once per backend.
 */
final class ResidentMemory {

    private ResidentMemory() {
    }

    /** The resident set size of one process, in bytes. */
    static long rss(ProcessHandle process) {
        return field(process, "status", "VmRSS:");
    }

    /** The proportional set size of one process (RSS if the kernel has no smaps_rollup), in bytes. */
    static long pss(ProcessHandle process) {
        long pss = field(process, "smaps_rollup", "Pss:");
        return pss > 0 ? pss : rss(process);
    }

    /** PSS of a process and all its descendants (PostgreSQL: the postmaster and its backends). */
    static long pssOfTree(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants()).mapToLong(ResidentMemory::pss).sum();
    }

    private static long field(ProcessHandle process, String file, String prefix) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), file))) {
                if (line.startsWith(prefix)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return 0;
    }

    static String mib(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }
}
