package io.fieldsales.load.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.fieldsales.load.Fixture;
import io.fieldsales.load.LoadPlan;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A field-sales day: reps (the plan's rate of arrivals per second) log in and visit three shops each: find-or-create
 * the customer, price a quote, place an order from the van, collect the cash; the back office (a quarter of that
 * rate) logs in and reads the customer, order and cash-session lists and the cash-position report.
 */
public class DayMixSimulation extends Simulation {
    {
        LoadPlan plan = LoadPlan.current();
        Fixture f = plan.fixture();
        Iterator<Map<String, Object>> reps = Stream.generate(() -> {
            Fixture.Rep r = f.reps.get(ThreadLocalRandom.current().nextInt(f.reps.size()));
            return Map.<String, Object>of("user", r.username(), "password", r.password(),
                    "cashSession", r.cashSessionId() == null ? "" : r.cashSessionId());
        }).iterator();

        ChainBuilder visit = exec(http("rep: find-or-create customer").post("/api/v1/customers/find-or-create")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody(s -> f.json(f.newCustomer())))
                        .check(status().in(200, 201), jsonPath("$.id").saveAs("customerId")))
                .exec(doIf(s -> f.orders).then(
                        exec(http("rep: quote").post("/api/v1/pricing/quote")
                                .header("Authorization", "Bearer #{token}")
                                .body(StringBody(s -> f.json(Map.of("customerId", s.getString("customerId"),
                                        "lines", java.util.List.of(Map.of("sku", Fixture.SKUS.get(0), "quantity", 6),
                                                Map.of("sku", Fixture.SKUS.get(1), "quantity", 2))))))
                                .check(status().is(200)))
                        .exec(http("rep: order").post("/api/v1/orders")
                                .header("Authorization", "Bearer #{token}")
                                .header("Idempotency-Key", s -> UUID.randomUUID().toString())
                                .body(StringBody(s -> f.json(Map.of("customerId", s.getString("customerId"),
                                        "location", Fixture.VAN, "paymentTerms", "COD",
                                        "lines", java.util.List.of(Map.of("sku", Fixture.SKUS.get(0), "quantity", 6),
                                                Map.of("sku", Fixture.SKUS.get(1), "quantity", 2))))))
                                .check(status().is(201)))))
                .exec(doIf(s -> f.cash).then(
                        exec(http("rep: collect cash").post("/api/v1/cash-sessions/#{cashSession}/collections")
                                .header("Authorization", "Bearer #{token}")
                                .header("Idempotency-Key", s -> UUID.randomUUID().toString())
                                .body(StringBody("{\"amount\":\"115.00\",\"method\":\"CASH\",\"reference\":\"load\"}"))
                                .check(status().in(200, 201)))));

        var rep = scenario("rep")
                .exec(feed(reps))
                .exec(http("rep: login").post("/api/v1/auth/login")
                        .body(StringBody(s -> f.json(Map.of("tenant", f.tenantSlug, "username", s.getString("user"),
                                "password", s.getString("password")))))
                        .check(status().is(200), jsonPath("$.accessToken").saveAs("token")))
                .exec(repeat(3).on(visit));

        var backOffice = scenario("back office")
                .exec(http("office: login").post("/api/v1/auth/login")
                        .body(StringBody(f.json(Map.of("tenant", f.tenantSlug, "username", "backoffice",
                                "password", f.managerPassword))))
                        .check(status().is(200), jsonPath("$.accessToken").saveAs("token")))
                .exec(http("office: customer list").get("/api/v1/customers?limit=50")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)))
                .exec(doIf(s -> f.orders).then(exec(http("office: order list").get("/api/v1/orders?limit=50")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)))))
                .exec(doIf(s -> f.cash).then(exec(http("office: cash sessions").get("/api/v1/cash-sessions")
                                .header("Authorization", "Bearer #{token}").check(status().is(200)))
                        .exec(http("office: cash position report").get("/api/v1/reports/cash-position")
                                .header("Authorization", "Bearer #{token}").check(status().is(200)))));

        setUp(rep.injectOpen(constantUsersPerSec(plan.rate()).during(plan.duration())),
                backOffice.injectOpen(constantUsersPerSec(Math.max(0.5, plan.rate() / 4)).during(plan.duration())))
                .protocols(Protocols.http(plan));
    }
}
