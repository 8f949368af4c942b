package io.fieldsales.load;

import java.time.Duration;

/**
 * What the next Gatling run is to do. Gatling instantiates a simulation by its class name, so the harness hands it
 * its parameters here before each run (runs are sequential).
 *
 * @param baseUrl the gateway or a service directly
 * @param rate        arrival rate: requests (or, in the day mix, rep sessions) per second (open model); in the
 *                    closed model a cap on the requests per second when above 0 (the smoke mode's, which must not
 *                    spend the gateway's rate limits)
 * @param concurrency when above 0, a closed model instead: this many requests in flight all the time, each user
 *                    replaced as soon as its request is answered (wrk's and pgbench's model)
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
