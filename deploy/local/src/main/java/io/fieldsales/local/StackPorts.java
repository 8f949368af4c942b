package io.fieldsales.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ports the stack takes: assigned (configured, or free ones), and checked free before anything starts. */
final class StackPorts {

    private final Set<Integer> ports = new LinkedHashSet<>();
    private final StackConsole console;

    StackPorts(StackConsole console) {
        this.console = console;
    }

    /** The configured port, or a free one for 0; remembered as one of the stack's. */
    int assign(int port) {
        int p = port == 0 ? Ports.freePort() : port;
        ports.add(p);
        return p;
    }

    /** Every port the stack listens on (or was to listen on). */
    Set<Integer> all() {
        return Set.copyOf(ports);
    }

    /** Fails, naming the variable that moves each one, if a port the stack needs is taken. */
    void requireFree(int pgPort, int kafkaPort, int controllerPort, List<ServiceSpec> services)
            throws StackStartException, InterruptedException {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        wanted.put(pgPort, "postgresql (FIELDSALES_LOCAL_POSTGRES_PORT)");
        wanted.put(kafkaPort, "kafka (FIELDSALES_LOCAL_KAFKA_PORT)");
        wanted.put(controllerPort, "kafka controller (FIELDSALES_LOCAL_KAFKA_PORT + 1)");
        services.forEach(s -> wanted.put(s.port(), s.name() + " (FIELDSALES_LOCAL_PORT_"
                + StackOptions.envName(s.name()) + ")"));
        services.forEach(s -> wanted.put(s.managementPort(), s.name() + " management (FIELDSALES_LOCAL_MANAGEMENT_PORT_"
                + StackOptions.envName(s.name()) + ")"));
        ports.add(controllerPort);
        List<String> busy = new ArrayList<>();
        awaitPortsHeldOnlyByConnections(wanted.keySet());
        wanted.forEach((port, what) -> {
            if (!Ports.isFree(port)) {
                busy.add("port " + port + " for " + what + " is in use"
                        + Ports.holder(port).map(h -> " by " + h).orElse(""));
            }
        });
        if (!busy.isEmpty()) {
            throw new StackStartException(String.join("; ", busy) + ". Is another stack running? Stop it "
                    + "(Ctrl-C in its terminal) or choose other ports with the variables named above.");
        }
    }

    /**
     * A port held only by a connection (no listener: a closed connection's TIME_WAIT, or an outgoing connection that
     * got it as its source port) frees itself within a minute: wait for it rather than fail.
     */
    private void awaitPortsHeldOnlyByConnections(Set<Integer> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(75);
        for (int port : wanted) {
            boolean told = false;
            while (!Ports.isFree(port) && !Ports.hasListener(port) && Instant.now().isBefore(deadline)) {
                if (!told) {
                    console.println("  waiting   port " + port + " is held by a closing connection (TIME_WAIT); "
                            + "it frees itself within a minute");
                    told = true;
                }
                Thread.sleep(500);
            }
        }
    }
}
