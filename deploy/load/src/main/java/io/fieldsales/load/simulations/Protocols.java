package io.fieldsales.load.simulations;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.fieldsales.load.LoadPlan;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.holdFor;
import static io.gatling.javaapi.core.CoreDsl.reachRps;

/** What every simulation shares: HTTP/1.1 with keep-alive connections shared by the virtual users, like wrk's. */
final class Protocols {

    private Protocols() {
    }

    static HttpProtocolBuilder http(LoadPlan plan) {
        return http.baseUrl(plan.baseUrl())
                .acceptHeader("application/json, application/problem+json")
                .contentTypeHeader("application/json")
                .shareConnections()
                .maxConnectionsPerHost(64)
                .disableCaching()
                .disableWarmUp();
    }

    static OpenInjectionStep constantRate(LoadPlan plan) {
        return constantUsersPerSec(plan.rate()).during(plan.duration());
    }

    /** The closed loop's cap on requests per second, if the plan sets one (see {@link LoadPlan#rate}). */
    static void capClosedLoop(Simulation.SetUp setUp, LoadPlan plan) {
        if (plan.concurrency() > 0 && plan.rate() > 0) {
            setUp.throttle(reachRps((int) Math.ceil(plan.rate())).in(Duration.ofSeconds(1)),
                    holdFor(plan.duration()));
        }
    }

    /** The plan's injection: its arrival rate, or with a concurrency its closed loop. */
    static PopulationBuilder inject(ScenarioBuilder scenario, LoadPlan plan) {
        return plan.concurrency() > 0
                ? scenario.injectClosed(constantConcurrentUsers(plan.concurrency()).during(plan.duration()))
                : scenario.injectOpen(constantRate(plan));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** An endless feeder of one value drawn at random from {@code values} under {@code key}. */
    static Iterator<Map<String, Object>> random(String key, List<String> values) {
        return Stream.generate((Supplier<Map<String, Object>>) () -> Map.of(key,
                values.get(ThreadLocalRandom.current().nextInt(values.size())))).iterator();
    }
}
