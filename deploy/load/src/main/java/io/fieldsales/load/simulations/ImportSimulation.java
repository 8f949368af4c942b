package io.fieldsales.load.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.fieldsales.load.LoadPlan;
import io.gatling.javaapi.core.Simulation;

/** One NDJSON import (find-or-create mode) of the plan's file through the gateway, as the back office uploads it. */
public class ImportSimulation extends Simulation {
    {
        LoadPlan plan = LoadPlan.current();
        String file = plan.importFile();
        setUp(scenario("import")
                .exec(http("POST import").post("/api/v1/customers/import?mode=find-or-create")
                        .header("Authorization", Protocols.bearer(plan.fixture().managerToken))
                        .header("Content-Type", "application/x-ndjson")
                        .header("Accept", "application/x-ndjson")
                        .body(StringBody(file))
                        .requestTimeout(java.time.Duration.ofMinutes(2))
                        .check(status().is(200)))
                .injectOpen(atOnceUsers(1)))
                .protocols(Protocols.http(plan));
    }
}
