package io.fieldsales.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Loopback ports: whether one is free, a free one, and (best effort, Linux) which process holds one. */
public final class Ports {

    private Ports() {
    }

    /** Whether nothing listens on the port (on loopback or on every address). */
    public static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            // as servers bind: a closed connection in TIME_WAIT does not hold the port, a listener does
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port", e);
        }
    }

    /**
     * Whether a process listens on the port (false when the port is only held by connections, e.g. one that ended
     * and lingers in TIME_WAIT, or an outgoing connection that got it as its source port: 55432 and 59092 lie in
     * Linux's ephemeral range). Without /proc, assumes a listener.
     */
    public static boolean hasListener(int port) {
        if (!Files.isReadable(Path.of("/proc/net/tcp"))) {
            return true;
        }
        String portHex = String.format(Locale.ROOT, ":%04X", port);
        return Stream.of("/proc/net/tcp", "/proc/net/tcp6").map(Path::of).filter(Files::isReadable)
                .flatMap(Ports::lines).map(String::trim).map(l -> l.split("\\s+"))
                .anyMatch(f -> f.length > 3 && f[1].endsWith(portHex) && "0A".equals(f[3]));
    }

    /** "pid 1234 (java ...)" of the process listening on the port, if /proc tells. */
    public static Optional<String> holder(int port) {
        try {
            String portHex = String.format(Locale.ROOT, ":%04X", port);
            Optional<String> inode = Stream.of("/proc/net/tcp", "/proc/net/tcp6")
                    .map(Path::of).filter(Files::isReadable)
                    .flatMap(Ports::lines)
                    .map(String::trim).map(l -> l.split("\\s+"))
                    // local_address ends with :PORT, state 0A = LISTEN, inode is column 10
                    .filter(f -> f.length > 9 && f[1].endsWith(portHex) && "0A".equals(f[3]))
                    .map(f -> f[9]).findFirst();
            if (inode.isEmpty()) {
                return Optional.empty();
            }
            String target = "socket:[" + inode.get() + "]";
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                        boolean holds = fds.anyMatch(fd -> {
                            try {
                                return target.equals(Files.readSymbolicLink(fd).toString());
                            } catch (IOException e) {
                                return false;
                            }
                        });
                        if (holds) {
                            long pid = Long.parseLong(proc.getFileName().toString());
                            String cmd = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?");
                            return Optional.of("pid " + pid + " (" + abbreviate(cmd, 100) + ")");
                        }
                    } catch (IOException | SecurityException e) {
                        // not ours to look at
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort only
        }
        return Optional.empty();
    }

    private static Stream<String> lines(Path p) {
        try {
            List<String> all = Files.readAllLines(p);
            return all.stream().skip(1);
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
