package io.fieldsales.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.platform.testing.ManagementSurface;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The kit puts health, metrics and OpenAPI on the management port of every service, and nothing of /q/ on the API. */
@QuarkusTest
class ManagementInterfaceTest {

    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void healthMetricsAndOpenApiAnswerOnlyOnTheManagementPort() {
        assertThat(management.getPort()).as("a free port in tests, never the default 9001").isNotIn(9000, 9001);
        ManagementSurface.assertOnlyOnManagementPort(api.toString(), management.toString());
    }
}
