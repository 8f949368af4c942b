package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.FakeUpstream;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A platform admin (no tenant) reaches the audit-service's platform chain through the gateway, and nothing else. */
@QuarkusTest
class PlatformAuditProxyTest {

    @Test
    void aPlatformAdminsTokenIsProxiedToTheAuditPlatformChainOnly() throws Exception {
        String platformAdmin = Api.platformAdminToken();
        try (FakeUpstream audit = FakeUpstream.start("audit"); FakeUpstream customer = FakeUpstream.start("customer")) {
            as(platformAdmin).queryParam("limit", 5).get("/api/v1/audit/platform/events").then().statusCode(200)
                    .body("path", equalTo("/api/v1/audit/platform/events")).body("query", equalTo("limit=5"));
            assertThat(audit.lastHeaders().get("authorization")).isEqualTo("Bearer " + platformAdmin);
            as(platformAdmin).get("/api/v1/audit/platform/verify").then().statusCode(200);
            int hits = audit.hits();
            // tenant data stays closed to tenantless tokens, on the audit-service and elsewhere
            as(platformAdmin).get("/api/v1/audit/entries").then().statusCode(403)
                    .body("code", equalTo("tenant_required"));
            as(platformAdmin).get("/api/v1/audit/platformx").then().statusCode(403);
            as(platformAdmin).get("/api/v1/customers").then().statusCode(403);
            assertThat(audit.hits()).isEqualTo(hits);
            assertThat(customer.hits()).isZero();
            // a tenant user's token passes the gateway (the audit-service answers 403 to its role itself)
            as(Api.newTenant().adminToken()).get("/api/v1/audit/platform/events").then().statusCode(200);
            assertThat(audit.hits()).isEqualTo(hits + 1);
        }
    }
}
