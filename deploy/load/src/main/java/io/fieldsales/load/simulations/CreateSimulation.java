package io.fieldsales.load.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.fieldsales.load.Fixture;
import io.fieldsales.load.LoadPlan;
import io.gatling.javaapi.core.Simulation;

/**
 * POST /api/v1/customers of a new customer (own name, email, phone) at a constant arrival rate; also the load of the
 * event-path scenario (every create is an outbox row, a Kafka record and an audit-trail entry).
 */
public class CreateSimulation extends Simulation {
    {
        LoadPlan plan = LoadPlan.current();
        Fixture f = plan.fixture();
        setUp(scenario("create")
                .exec(http("POST customer").post("/api/v1/customers")
                        .header("Authorization", Protocols.bearer(f.reps.get(0).token()))
                        .body(StringBody(session -> f.json(f.newCustomer())))
                        .check(status().is(201)))
                .injectOpen(Protocols.constantRate(plan)))
                .protocols(Protocols.http(plan));
    }
}
