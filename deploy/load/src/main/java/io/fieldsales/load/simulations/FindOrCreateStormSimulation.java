package io.fieldsales.load.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.fieldsales.load.Fixture;
import io.fieldsales.load.LoadPlan;
import io.gatling.javaapi.core.Simulation;

/** Every request a find-or-create of the same customer (one key): one 201, then 200s, never a second customer. */
public class FindOrCreateStormSimulation extends Simulation {
    {
        LoadPlan plan = LoadPlan.current();
        Fixture f = plan.fixture();
        String body = f.json(f.stormCustomer());
        setUp(scenario("find-or-create-storm")
                .exec(http("POST find-or-create").post("/api/v1/customers/find-or-create")
                        .header("Authorization", Protocols.bearer(f.reps.get(0).token()))
                        .body(StringBody(body))
                        .check(status().in(200, 201)))
                .injectOpen(Protocols.constantRate(plan)))
                .protocols(Protocols.http(plan));
    }
}
