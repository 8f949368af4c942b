package io.fieldsales.load.simulations;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.fieldsales.load.LoadPlan;
import io.gatling.javaapi.core.Simulation;

/** GET /api/v1/customers/{id} of a seeded customer, at a constant arrival rate or in a closed loop. */
public class GetByIdSimulation extends Simulation {
    {
        LoadPlan plan = LoadPlan.current();
        Protocols.capClosedLoop(setUp(Protocols.inject(scenario("get-by-id")
                .exec(feed(Protocols.random("id", plan.fixture().customerIds)))
                .exec(http("GET customer").get("/api/v1/customers/#{id}")
                        .header("Authorization", Protocols.bearer(plan.fixture().reps.get(0).token()))
                        .check(status().is(200))), plan))
                .protocols(Protocols.http(plan)), plan);
    }
}
