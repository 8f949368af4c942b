package io.fieldsales.load;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU seconds per component of the stack, from {@code /proc/<pid>/stat} (user + system time of each process and of
 * its reaped children). The components are found on this machine: each service is the Java process whose
 * environment says {@code QUARKUS_HTTP_PORT=<the port of its URL>}, PostgreSQL is the server listening on the
 * target's port with its backends, the launcher (the JVM that started the services and runs Kafka) is the
 * gateway's parent, and {@code harness} is this JVM (Gatling, the raw loop). Nothing found (another machine, no
 * /proc): no CPU column.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    private final Map<String, List<Long>> components;

    private CpuMeter(Map<String, List<Long>> components) {
        this.components = components;
    }

    static CpuMeter discover(LoadTarget target) {
        Map<String, List<Long>> found = new LinkedHashMap<>();
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return new CpuMeter(found);
        }
        List<Long> javas = new ArrayList<>();
        List<Long> postgres = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).forEach(pid -> {
                        String comm = read("/proc/" + pid + "/comm").trim();
                        if (comm.equals("java")) {
                            javas.add(pid);
                        } else if (comm.startsWith("postgres")) {
                            postgres.add(pid);
                        }
                    });
        } catch (IOException e) {
            return new CpuMeter(found);
        }
        Map<String, String> serviceUrls = new LinkedHashMap<>();
        serviceUrls.put("gateway", target.gatewayUrl());
        serviceUrls.putAll(target.serviceUrls());
        Long gatewayPid = null;
        for (Map.Entry<String, String> s : serviceUrls.entrySet()) {
            int port = URI.create(s.getValue()).getPort();
            for (long pid : javas) {
                if (("\n" + environ(pid) + "\n").contains("\nQUARKUS_HTTP_PORT=" + port + "\n")) {
                    found.put(s.getKey(), List.of(pid));
                    if (s.getKey().equals("gateway")) {
                        gatewayPid = pid;
                    }
                }
            }
        }
        // the postmaster on our port (its command line or its data directory's postmaster.pid) and its children
        for (long pid : postgres) {
            String cmd = read("/proc/" + pid + "/cmdline").replace('\0', ' ');
            if (cmd.contains("-p " + target.pgPort()) || cmd.contains("port=" + target.pgPort())
                    || listensOn(pid, target.pgPort())) {
                List<Long> tree = new ArrayList<>();
                tree.add(pid);
                ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> tree.add(d.pid())));
                found.put("postgresql", tree);
                break;
            }
        }
        long self = ProcessHandle.current().pid();
        if (gatewayPid != null) {
            Optional<Long> parent = ProcessHandle.of(gatewayPid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid);
            if (parent.isPresent() && parent.get() != self) {
                found.put("kafka+launcher", List.of(parent.get()));
            } else if (parent.isPresent()) {
                found.put("harness+kafka", List.of(self));
            }
        }
        if (found.values().stream().noneMatch(pids -> pids.contains(self))) {
            found.put("harness", List.of(self));
        }
        return new CpuMeter(found);
    }

    /** postmaster.pid of the data directory (its cwd) names the port on its 4th line. */
    private static boolean listensOn(long pid, int port) {
        try {
            Path pidFile = Path.of("/proc/" + pid + "/cwd").toRealPath().resolve("postmaster.pid");
            List<String> lines = Files.readAllLines(pidFile);
            return lines.size() > 3 && lines.get(0).trim().equals(Long.toString(pid))
                    && lines.get(3).trim().equals(Integer.toString(port));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    List<String> names() {
        return List.copyOf(components.keySet());
    }

    /** CPU seconds used so far by each component (new PostgreSQL backends are picked up as they appear). */
    Map<String, Double> sample() {
        Map<String, Double> out = new LinkedHashMap<>();
        components.forEach((name, pids) -> {
            double ticks = 0;
            List<Long> all = new ArrayList<>(pids);
            if (name.equals("postgresql")) {
                ProcessHandle.of(pids.get(0)).ifPresent(h -> h.descendants().forEach(d -> {
                    if (!all.contains(d.pid())) {
                        all.add(d.pid());
                    }
                }));
            }
            for (long pid : all) {
                ticks += ticks(pid);
            }
            out.put(name, ticks / TICKS_PER_SECOND);
        });
        return out;
    }

    static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, Math.max(0, v - before.getOrDefault(k, 0.0))));
        return d;
    }

    private static long ticks(long pid) {
        String stat = read("/proc/" + pid + "/stat");
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return 0;
        }
        String[] f = stat.substring(close + 2).split(" ");
        // fields after "(comm)": state=0 ... utime=11 stime=12 cutime=13 cstime=14
        if (f.length < 15) {
            return 0;
        }
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    private static String environ(long pid) {
        return read("/proc/" + pid + "/environ").replace('\0', '\n');
    }

    private static String read(String file) {
        try {
            return new String(Files.readAllBytes(Path.of(file)), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
