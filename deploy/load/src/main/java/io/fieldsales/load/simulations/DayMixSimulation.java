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
 * A field-sales day at the plan's level: rep app sessions (the plan's rate of arrivals per second), each visiting
 * three shops with the token the app holds: find-or-create the customer, price a quote, place an order from the van,
 * collect the cash; password sign-ins at a tenth of that rate (a rep signs in once a day and visits 20-40 shops, so
 * one sign-in per ten sessions of three visits still overstates them); the back office at a quarter of the rate
 * (the customer, order and cash-session lists and the cash-position report).
 */
public class DayMixSimulation extends Simulation {

    /** Password sign-ins per rep session: one per 30 visits. */
    public static final double SIGN_INS_PER_SESSION = 0.1;
    /** Back-office sessions per rep session. */
    public static final double BACK_OFFICE_PER_SESSION = 0.25;

    {
        LoadPlan plan = LoadPlan.current();
        Fixture f = plan.fixture();
        Iterator<Map<String, Object>> reps = Stream.generate(() -> {
            Fixture.Rep r = f.reps.get(ThreadLocalRandom.current().nextInt(f.reps.size()));
            return Map.<String, Object>of("user", r.username(), "password", r.password(), "token", r.token(),
                    "cashSession", r.cashSessionId() == null ? "" : r.cashSessionId(), "van", r.van());
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
                                        "location", s.getString("van"), "paymentTerms", "COD",
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
                .exec(repeat(3).on(visit));

        var signIn = scenario("sign-in")
                .exec(feed(reps))
                .exec(http("rep: sign-in").post("/api/v1/auth/login")
                        .body(StringBody(s -> f.json(Map.of("tenant", f.tenantSlug, "username", s.getString("user"),
                                "password", s.getString("password")))))
                        .check(status().is(200), jsonPath("$.accessToken").exists()));

        var backOffice = scenario("back office")
                .exec(s -> s.set("token", f.managerToken))
                .exec(http("office: customer list").get("/api/v1/customers?limit=50")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)))
                .exec(doIf(s -> f.orders).then(exec(http("office: order list").get("/api/v1/orders?limit=50")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)))))
                .exec(doIf(s -> f.cash).then(exec(http("office: cash sessions").get("/api/v1/cash-sessions")
                                .header("Authorization", "Bearer #{token}").check(status().is(200)))
                        .exec(http("office: cash position report").get("/api/v1/reports/cash-position")
                                .header("Authorization", "Bearer #{token}").check(status().is(200)))));

        setUp(rep.injectOpen(constantUsersPerSec(plan.rate()).during(plan.duration())),
                signIn.injectOpen(constantUsersPerSec(signInRate(plan.rate())).during(plan.duration())),
                backOffice.injectOpen(constantUsersPerSec(backOfficeRate(plan.rate())).during(plan.duration())))
                .protocols(Protocols.http(plan));
    }

    /** Sign-ins per second at a level of {@code sessions} rep sessions per second (at least one in 10 s). */
    public static double signInRate(double sessions) {
        return Math.max(0.1, sessions * SIGN_INS_PER_SESSION);
    }

    /** Back-office sessions per second at a level of {@code sessions} rep sessions per second. */
    public static double backOfficeRate(double sessions) {
        return Math.max(0.5, sessions * BACK_OFFICE_PER_SESSION);
    }
}
