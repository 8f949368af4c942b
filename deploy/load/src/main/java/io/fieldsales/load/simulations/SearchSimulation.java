package io.fieldsales.load.simulations;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.fieldsales.load.LoadPlan;
import io.gatling.javaapi.core.Simulation;
import java.util.List;

/** GET /api/v1/customers?q=... (name search, a page of 20), as a rep looking a shop up. */
public class SearchSimulation extends Simulation {
    {
        LoadPlan plan = LoadPlan.current();
        List<String> terms = List.of("spaza", "joyce", "dealer", "soweto", "tuck", "market", "butchery", "thabo");
        setUp(scenario("search")
                .exec(feed(Protocols.random("q", terms)))
                .exec(http("GET customers?q").get("/api/v1/customers?q=#{q}&limit=20")
                        .header("Authorization", Protocols.bearer(plan.fixture().reps.get(0).token()))
                        .check(status().is(200)))
                .injectOpen(Protocols.constantRate(plan)))
                .protocols(Protocols.http(plan));
    }
}
