package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.STRONG_PASSWORD;
import static io.fieldsales.gateway.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.Api.Tenant;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantAndUserResourceTest {

    @Test
    void platformAdminCreatesATenantWithItsFirstAdminAndSlugsAreUnique() {
        Tenant tenant = Api.newTenant();
        as(tenant.adminToken()).get("/api/v1/auth/me").then().statusCode(200)
                .body("roles", containsInAnyOrder("admin")).body("tenantId", equalTo(tenant.id().toString()));
        as(Api.platformAdminToken()).body(Map.of("slug", tenant.slug(), "name", "Again",
                        "admin", Map.of("username", "admin", "password", STRONG_PASSWORD)))
                .post("/api/v1/tenants").then().statusCode(409).body("code", equalTo("tenant_exists"));
    }

    @Test
    void aTenantAdminCannotCreateTenantsAndTheDenialIsASecurityEvent() {
        Tenant tenant = Api.newTenant();
        try (TopicProbe probe = TopicProbe.on("security.events")) {
            as(tenant.adminToken()).body(Map.of("slug", "x-" + UUID.randomUUID().toString().substring(0, 8),
                            "name", "Nope", "admin", Map.of("username", "a", "password", STRONG_PASSWORD)))
                    .post("/api/v1/tenants").then().statusCode(403).body("code", equalTo("forbidden"));
            assertThat(probe.await(TopicProbe.withHeader("ce_tenantid", tenant.id().toString())
                            .and(TopicProbe.withHeader("ce_type", "io.fieldsales.gateway.access.denied.v1")), 1,
                    Duration.ofSeconds(15))).hasSize(1);
        }
    }

    @Test
    void aTenantAdminManagesUsersOfTheirOwnTenantOnly() {
        Tenant mine = Api.newTenant();
        Tenant other = Api.newTenant();
        String admin = mine.adminToken();
        UUID rep = mine.createUser(admin, "rep", "sales_rep");
        UUID foreign = other.createUser(other.adminToken(), "stranger", "finance");

        as(admin).get("/api/v1/users/" + rep).then().statusCode(200).header("ETag", "\"0\"")
                .body("roles", containsInAnyOrder("sales_rep"));
        as(admin).get("/api/v1/users").then().statusCode(200).body("items.username", hasItem("rep"))
                .body("items.username", org.hamcrest.Matchers.not(hasItem("stranger")));
        // another tenant's user does not exist for this admin, whatever the verb
        as(admin).get("/api/v1/users/" + foreign).then().statusCode(404);
        as(admin).header("If-Match", "0").body(Map.of("disabled", true)).patch("/api/v1/users/" + foreign).then()
                .statusCode(404);

        as(admin).header("If-Match", "0").body(Map.of("roles", List.of("sales_rep", "cashier")))
                .patch("/api/v1/users/" + rep).then().statusCode(200).header("ETag", "\"1\"")
                .body("roles", containsInAnyOrder("cashier", "sales_rep"));
        as(admin).header("If-Match", "0").body(Map.of("disabled", true)).patch("/api/v1/users/" + rep).then()
                .statusCode(412).body("code", equalTo("version_conflict"));
        as(admin).body(Map.of("disabled", true)).patch("/api/v1/users/" + rep).then().statusCode(428);
    }

    @Test
    void rolesAndPasswordsAreValidated() {
        Tenant tenant = Api.newTenant();
        String admin = tenant.adminToken();
        as(admin).body(Map.of("username", "boss", "password", STRONG_PASSWORD, "roles", List.of("platform_admin")))
                .post("/api/v1/users").then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("roles"));
        for (String weak : List.of("short-1", "Password123456!", "qwertyuiop1234", "aaaaaaaaaaaaaaaa", "newuser-name")) {
            as(admin).body(Map.of("username", "newuser-name", "password", weak, "roles", List.of("sales_rep")))
                    .post("/api/v1/users").then().statusCode(400).body("errors[0].field", equalTo("password"));
        }
        tenant.createUser(admin, "dup", "auditor");
        as(admin).body(Map.of("username", "DUP", "password", STRONG_PASSWORD, "roles", List.of("auditor")))
                .post("/api/v1/users").then().statusCode(409).body("code", equalTo("username_taken"));
    }

    @Test
    void aRetriedUserCreationWithTheSameIdempotencyKeyCreatesOneUser() {
        Tenant tenant = Api.newTenant();
        String admin = tenant.adminToken();
        Map<String, Object> body = Map.of("username", "once", "password", STRONG_PASSWORD, "roles",
                List.of("cashier"));
        String first = as(admin).header("Idempotency-Key", "create-once-1").body(body).post("/api/v1/users").then()
                .statusCode(201).extract().path("id");
        String again = as(admin).header("Idempotency-Key", "create-once-1").body(body).post("/api/v1/users").then()
                .statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertThat(again).isEqualTo(first);
        as(admin).get("/api/v1/users").then().body("items.findAll { it.username == 'once' }.size()", equalTo(1));
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        Tenant tenant = Api.newTenant();
        String admin = tenant.adminToken();
        String me = as(admin).get("/api/v1/auth/me").then().extract().path("userId");
        as(admin).header("If-Match", "0").body(Map.of("disabled", true)).patch("/api/v1/users/" + me).then()
                .statusCode(422).body("code", equalTo("self_lockout"));
    }

    @Test
    void nonAdminsCannotManageUsers() {
        Tenant tenant = Api.newTenant();
        tenant.createUser(tenant.adminToken(), "plain", "sales_rep");
        String rep = (String) tenant.login("plain").get("accessToken");
        as(rep).get("/api/v1/users").then().statusCode(403).body("code", equalTo("forbidden"));
        as(Api.platformAdminToken()).get("/api/v1/users").then().statusCode(403);
    }
}
