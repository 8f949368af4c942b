package io.fieldsales.platform.kittest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fieldsales.platform.testing.TestDatabase;
import io.fieldsales.platform.warmup.WarmUpConfig;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Readiness stays DOWN while a warm-up action is pending (this test's GatedWarmUp waits for its gate) and goes UP once
 * every action has run, the kit's own included (the pool's connections open, a JWT verification).
 */
@QuarkusTest
class WarmUpReadinessTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    WarmUpConfig config;

    private String readyUrl() {
        return "http://localhost:" + management.getPort() + "/q/health/ready";
    }

    private JsonPath ready(int status) {
        return given().get(readyUrl()).then().statusCode(status)
                .extract().jsonPath();
    }

    @Test
    void readinessIsDownUntilEveryWarmUpActionRanThenUp() {
        // the kit's own actions finish on their own; ours waits for the gate
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath down = ready(503);
            return down.getString("checks.find { it.name == 'warm-up' }.data.pending").equals("gated");
        });
        JsonPath down = ready(503);
        assertThat(down.getString("checks.find { it.name == 'warm-up' }.status")).isEqualTo("DOWN");
        assertThat(GatedWarmUp.RUNS.get()).as("the first round is waiting").isEqualTo(1);

        GatedWarmUp.GATE.complete(null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(readyUrl()).then().statusCode(200)
                .body("checks.find { it.name == 'warm-up' }.status", equalTo("UP"))
                .body("checks.name", hasItem("kafka")));
        assertThat(GatedWarmUp.RUNS.get()).as("every round ran").isEqualTo(config.rounds());
        assertThat(TestDatabase.count("select count(*) from pg_stat_activity where usename = 'app'"
                + " and application_name = 'vertx-pg-client'"))
                .as("the pool's connections were opened before readiness").isGreaterThanOrEqualTo(
                        config.databaseConnections());
    }
}
