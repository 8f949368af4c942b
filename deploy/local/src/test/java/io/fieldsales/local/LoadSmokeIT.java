package io.fieldsales.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.load.LoadHarness;
import io.fieldsales.load.LoadOptions;
import io.fieldsales.load.LoadTarget;
import io.fieldsales.load.Report;
import io.fieldsales.load.Scenario;
import io.fieldsales.platform.embedded.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The load harness (deploy/load) in smoke mode against the shared stack: every scenario for a few seconds, so the
 * harness cannot rot. Its figures are printed (the table, and the Gatling reports under
 * {@code target/load-smoke}), never asserted; what is asserted is that every scenario ran and had its requests
 * answered.
 */
@ExtendWith(SuiteStack.class)
class LoadSmokeIT {

    @Test
    void theHarnessRunsEveryScenarioAgainstTheStack() throws Exception {
        LocalStack stack = SuiteStack.stack();
        Map<String, String> services = new LinkedHashMap<>();
        stack.services().stream().filter(s -> !s.name().equals("gateway"))
                .forEach(s -> services.put(s.name(), s.url()));
        Credentials admin = stack.platformAdmin();
        LoadTarget target = new LoadTarget(stack.gatewayUrl(), services, "127.0.0.1", stack.postgresPort(),
                EmbeddedPostgresServer.SUPERUSER, null, admin.username(), admin.password());

        Report report = LoadHarness.run(target, LoadOptions.smoke(Path.of("target/load-smoke")), System.out);

        assertThat(report.scenarios()).as("every scenario is in the table")
                .containsExactlyElementsOf(Arrays.stream(Scenario.values()).map(Scenario::title).toList());
        assertThat(report.rows()).filteredOn(r -> r.figures() != null).allSatisfy(r -> assertThat(r.figures().ok())
                .as("%s / %s: requests answered as expected", r.scenario(), r.measure()).isPositive());
        assertThat(report.rows()).extracting(Report.Row::measure)
                .contains("through the gateway", "direct to customer-service",
                        "raw Vert.x PG client loop (16 in flight)",
                        "direct to customer-service, closed loop (16 in flight)",
                        "through the gateway, closed loop (16 in flight)");
    }
}
