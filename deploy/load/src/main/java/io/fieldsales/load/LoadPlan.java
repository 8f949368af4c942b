package io.fieldsales.load;

import java.time.Duration;

/**
 * What the next Gatling run is to do. Gatling instantiates a simulation by its class name, so the harness hands it
 * its parameters here before each run (runs are sequential).
 *
 * @param baseUrl the gateway or a service directly
 * @param rate    arrival rate: requests (or, in the day mix, rep visits) per second
 */
public record LoadPlan(Fixture fixture, String baseUrl, double rate, Duration duration, String importFile) {

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
