package io.fieldsales.gateway;

import io.fieldsales.platform.testing.ManagementSurface;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The gateway's API port serves nothing of /q/: health, metrics and OpenAPI answer on its management port only. */
@QuarkusTest
class ManagementSurfaceTest {

    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void qPathsAreAbsentOnTheApiPortAndServedOnTheManagementPort() {
        ManagementSurface.assertOnlyOnManagementPort(api.toString(), management.toString());
    }
}
