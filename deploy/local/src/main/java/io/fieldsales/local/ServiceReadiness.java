package io.fieldsales.local;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Waits for the launched services to answer ready, and reports a service that dies afterwards. */
final class ServiceReadiness {

    private final StackConsole console;
    private final HttpClient http;

    ServiceReadiness(StackConsole console, HttpClient http) {
        this.console = console;
        this.http = http;
    }

    /** Returns once every service is ready; fails on a crash or after {@code timeout} with their last log lines. */
    void await(List<ServiceProcess> services, Duration timeout) throws StackStartException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            checkInterrupted();
            for (ServiceProcess p : List.copyOf(waiting)) {
                if (p.checkReady(http)) {
                    console.progress("ready", p.name(), p.url(), Instant.now().minus(p.startupTime()));
                    waiting.remove(p);
                } else if (!p.isAlive()) {
                    throw new StackStartException(p.crashReport("while starting"));
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                StringBuilder sb = new StringBuilder("not ready within " + timeout.toSeconds()
                        + " s: " + waiting.stream().map(ServiceProcess::name).collect(Collectors.joining(", "))
                        + " (FIELDSALES_LOCAL_READY_TIMEOUT raises the limit).");
                for (ServiceProcess p : waiting) {
                    sb.append(System.lineSeparator()).append("Last lines of ").append(p.log()).append(':');
                    p.tail(15).forEach(l -> sb.append(System.lineSeparator()).append("    | ").append(l));
                }
                throw new StackStartException(sb.toString());
            }
            Thread.sleep(200);
        }
    }

    /** Reports the service's crash unless the stack is stopping ({@code stopping}) or stopped it. */
    void watchForCrash(ServiceProcess p, BooleanSupplier stopping) {
        p.process().onExit().thenRun(() -> {
            if (!stopping.getAsBoolean() && !p.isStopping()) {
                console.println();
                console.println("!! " + p.crashReport("while running")
                        + "   The rest of the stack keeps running; Ctrl-C and deploy/local/run to restart it.");
            }
        });
    }

    static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("stop requested");
        }
    }
}
