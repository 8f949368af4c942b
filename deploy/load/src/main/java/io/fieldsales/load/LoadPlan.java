package io.fieldsales.load;

import java.time.Duration;

/**
 * What the next Gatling run is to do. Gatling instantiates a simulation by its class name, so the harness hands it
 * its parameters here before each run (runs are sequential).
 *
 * @param baseUrl the gateway or a service directly
 * @param rate        arrival rate: requests (or, in the day mix, rep visits) per second (open model)
 * @param concurrency when above 0, a closed model instead: this many requests in flight all the time, each user
 *                    replaced as soon as its request is answered (wrk's and pgbench's model), {@code rate} unused
 */
public record LoadPlan(Fixture fixture, String baseUrl, double rate, int concurrency, Duration duration,
        String importFile) {

    private static volatile LoadPlan current;

    public static LoadPlan current() {
        LoadPlan p = current;
        if (p == null) {
            throw new IllegalStateException("no load plan: simulations run from LoadHarness");
        }
        return p;
    }

    static void set(LoadPlan plan) {
        current = plan;
    }
}
