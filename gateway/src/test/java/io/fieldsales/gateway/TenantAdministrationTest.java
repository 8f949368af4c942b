package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.STRONG_PASSWORD;
import static io.fieldsales.gateway.support.Api.anonymous;
import static io.fieldsales.gateway.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.Api.Tenant;
import io.fieldsales.gateway.support.FakeUpstream;
import io.fieldsales.platform.testing.TopicProbe;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The platform admin's tenants: list, read with an ETag, disable and re-enable with If-Match. */
@QuarkusTest
class TenantAdministrationTest {

    @Test
    void platformAdminsPageThroughEveryTenantWithAnOpaqueKeysetCursor() {
        Tenant first = Api.newTenant();
        Tenant second = Api.newTenant();
        Api.newTenant();
        String admin = Api.platformAdminToken();
        // every tenant on one page (the platform admin's request budget is shared by every test of this JVM)
        List<Map<String, Object>> all = as(admin).queryParam("limit", 200).get("/api/v1/tenants").then()
                .statusCode(200).body("nextCursor", org.hamcrest.Matchers.nullValue()).extract().jsonPath()
                .getList("items");
        List<String> slugs = all.stream().map(t -> (String) t.get("slug")).toList();
        assertThat(slugs).contains(first.slug(), second.slug()).doesNotHaveDuplicates().isSorted();
        assertThat(all).allSatisfy(t -> assertThat(t).containsOnlyKeys("id", "slug", "name", "disabled", "version"));
        // the same in pages of two, following the opaque cursor
        JsonPath page1 = as(admin).queryParam("limit", 2).get("/api/v1/tenants").then().statusCode(200).extract()
                .jsonPath();
        String cursor = page1.getString("nextCursor");
        assertThat(cursor).isNotNull().doesNotContain(slugs.get(1));
        JsonPath page2 = as(admin).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/tenants").then()
                .statusCode(200).extract().jsonPath();
        assertThat(page1.<String>getList("items.slug")).containsExactlyElementsOf(slugs.subList(0, 2));
        assertThat(page2.<String>getList("items.slug")).containsExactlyElementsOf(slugs.subList(2,
                Math.min(4, slugs.size())));
        as(admin).queryParam("cursor", "not a cursor").get("/api/v1/tenants").then().statusCode(400)
                .body("code", equalTo("invalid_parameter"));
        as(admin).queryParam("limit", 0).get("/api/v1/tenants").then().statusCode(400);
        as(admin).get("/api/v1/tenants/" + first.id()).then().statusCode(200).header("ETag", "\"0\"")
                .body("slug", equalTo(first.slug())).body("disabled", equalTo(false)).body("version", equalTo(0));
        as(admin).get("/api/v1/tenants/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void onlyPlatformAdminsSeeOrChangeTenants() {
        Tenant tenant = Api.newTenant();
        String tenantAdmin = tenant.adminToken();
        as(tenantAdmin).get("/api/v1/tenants").then().statusCode(403).body("code", equalTo("forbidden"));
        as(tenantAdmin).get("/api/v1/tenants/" + tenant.id()).then().statusCode(403);
        as(tenantAdmin).header("If-Match", "\"0\"").body(Map.of("disabled", true))
                .patch("/api/v1/tenants/" + tenant.id()).then().statusCode(403);
        anonymous().get("/api/v1/tenants").then().statusCode(401);
        as(Api.platformAdminToken()).get("/api/v1/tenants/" + tenant.id()).then().statusCode(200)
                .body("disabled", equalTo(false));
    }

    @Test
    void changingATenantNeedsItsCurrentETag() {
        Tenant tenant = Api.newTenant();
        String admin = Api.platformAdminToken();
        String path = "/api/v1/tenants/" + tenant.id();
        as(admin).body(Map.of("disabled", true)).patch(path).then().statusCode(428)
                .body("code", equalTo("precondition_required"));
        as(admin).header("If-Match", "\"0\"").body(Map.of()).patch(path).then().statusCode(400);
        as(admin).header("If-Match", "\"0\"").body(Map.of("disabled", true)).patch(path).then().statusCode(200)
                .header("ETag", "\"1\"").body("disabled", equalTo(true)).body("version", equalTo(1));
        as(admin).header("If-Match", "\"0\"").body(Map.of("disabled", false)).patch(path).then().statusCode(412)
                .body("code", equalTo("version_conflict"));
        as(admin).header("If-Match", "\"1\"").body(Map.of("disabled", false)).patch(path).then().statusCode(200)
                .header("ETag", "\"2\"").body("disabled", equalTo(false));
    }

    @Test
    void aDisabledTenantsLoginsRefreshAndAccessTokensAreRefusedAtOnceAndReEnablingRestoresAccess()
            throws Exception {
        Tenant tenant = Api.newTenant();
        Tenant bystander = Api.newTenant();
        Map<String, Object> tokens = tenant.login("admin");
        String access = (String) tokens.get("accessToken");
        String refresh = (String) tokens.get("refreshToken");
        String otherAccess = (String) bystander.login("admin").get("accessToken");
        String admin = Api.platformAdminToken();
        String path = "/api/v1/tenants/" + tenant.id();
        try (FakeUpstream customer = FakeUpstream.start("customer");
                TopicProbe probe = TopicProbe.on("security.events")) {
            as(access).get("/api/v1/customers").then().statusCode(200);
            as(admin).header("If-Match", "\"0\"").body(Map.of("disabled", true)).patch(path).then().statusCode(200);

            // the access token it was issued a moment ago: refused at the edge, before any service sees it
            int hits = customer.hits();
            as(access).get("/api/v1/customers").then().statusCode(401).body("code", equalTo("unauthorized"));
            as(access).get("/api/v1/auth/me").then().statusCode(401);
            assertThat(customer.hits()).isEqualTo(hits);
            anonymous().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh").then().statusCode(401)
                    .body("code", equalTo("invalid_refresh_token"));
            anonymous().body(Map.of("tenant", tenant.slug(), "username", "admin", "password", STRONG_PASSWORD))
                    .post("/api/v1/auth/login").then().statusCode(401).body("code", equalTo("invalid_credentials"));
            // other tenants are untouched
            as(otherAccess).get("/api/v1/customers").then().statusCode(200);

            List<ConsumerRecord<String, String>> disabled = probe.await(
                    TopicProbe.withHeader("ce_type", "io.fieldsales.gateway.tenant.disabled.v1")
                            .and(TopicProbe.withHeader("ce_tenantid", tenant.id().toString())), 1,
                    Duration.ofSeconds(15));
            assertThat(disabled).hasSize(1);
            assertThat(TopicProbe.header(disabled.get(0), "ce_subject")).isEqualTo(tenant.id().toString());
            JsonPath event = JsonPath.from(disabled.get(0).value());
            assertThat(event.getInt("refreshTokensRevoked")).isEqualTo(1);
            assertThat(event.getString("tenant")).isEqualTo(tenant.slug());
            assertThat(event.getBoolean("disabled")).isTrue();

            as(admin).header("If-Match", "\"1\"").body(Map.of("disabled", false)).patch(path).then()
                    .statusCode(200);
            assertThat(probe.await(TopicProbe.withHeader("ce_type", "io.fieldsales.gateway.tenant.enabled.v1")
                    .and(TopicProbe.withHeader("ce_tenantid", tenant.id().toString())), 1, Duration.ofSeconds(15)))
                    .hasSize(1);
        }
        // re-enabled: the unexpired access token works again, and so does signing in (the revoked refresh token
        // stays revoked)
        as(access).get("/api/v1/auth/me").then().statusCode(200);
        String fresh = (String) tenant.login("admin").get("accessToken");
        as(fresh).get("/api/v1/auth/me").then().statusCode(200);
        anonymous().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh").then().statusCode(401);
    }
}
