package io.fieldsales.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.fieldsales.audit.service.AuditTrail;
import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditQueryResourceTest {

    @Inject
    AuditTrail trail;

    private final UUID tenant = UUID.randomUUID();
    private final String auditor = TestTokens.forTenant(tenant).user("aud-7").roles("auditor").mint();
    private final String admin = TestTokens.forTenant(tenant).user("adm-1").roles("admin").mint();

    private JsonPath list(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/audit/events" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void listsNewestFirstWithKeysetPaginationAndEveryFilter() {
        String customer = UUID.randomUUID().toString();
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mine.add(Seed.append(trail, tenant, "customer.events", "io.fieldsales.customer.updated.v1", customer,
                    i % 2 == 0 ? "rep-a" : "rep-b", "req-" + i, "{\"version\":" + i + "}"));
            Seed.customer(trail, tenant, "created", UUID.randomUUID().toString(), "{}");
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = list(auditor, "?entityType=customer&entityId=" + customer + "&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.getList("items").size()).isLessThanOrEqualTo(3);
            seen.addAll(page.getList("items.sequence", Long.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        java.util.Collections.reverse(mine);
        assertThat(seen).containsExactlyElementsOf(mine);
        java.util.Collections.reverse(mine);

        assertThat(list(auditor, "?entityId=" + customer + "&actorId=rep-b").getList("items.sequence", Long.class))
                .containsExactly(mine.get(5), mine.get(3), mine.get(1));
        assertThat(list(auditor, "?requestId=req-4").getList("items.sequence", Long.class)).containsExactly(mine.get(4));
        assertThat(list(auditor, "?type=io.fieldsales.customer.updated.v1&entityId=" + customer)
                .getList("items")).hasSize(7);
        String future = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString();
        String past = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString();
        assertThat(given().auth().oauth2(auditor).queryParam("entityId", customer).queryParam("from", future)
                .get("/api/v1/audit/events").then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        assertThat(given().auth().oauth2(auditor).queryParam("entityId", customer).queryParam("from", past)
                .queryParam("to", future).get("/api/v1/audit/events").then().statusCode(200).extract().jsonPath()
                .getList("items")).hasSize(7);
    }

    @Test
    void anAuditorOfAnotherTenantSeesNothingOfThisTenantWhateverTheFilters() {
        String customer = UUID.randomUUID().toString();
        Seed.append(trail, tenant, "customer.events", "io.fieldsales.customer.created.v1", customer, "rep-x",
                "req-iso-" + customer, "{\"customerId\":\"" + customer + "\"}");
        UUID other = UUID.randomUUID();
        String outsider = TestTokens.forTenant(other).user("aud-other").roles("auditor", "admin").mint();
        for (String q : List.of("", "?entityId=" + customer, "?entityType=customer&entityId=" + customer,
                "?actorId=rep-x", "?requestId=req-iso-" + customer, "?type=io.fieldsales.customer.created.v1")) {
            assertThat(list(outsider, q).getList("items")).as(q).isEmpty();
        }
        assertThat(given().auth().oauth2(outsider).get("/api/v1/audit/entities/customer/" + customer + "/timeline")
                .then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        String export = given().auth().oauth2(outsider).get("/api/v1/audit/export").then().statusCode(200)
                .extract().asString();
        // the outsider's export holds only its own records (its reads above name the customer id in their filters)
        assertThat(export).doesNotContain(tenant.toString());
        for (String line : export.strip().split("\n")) {
            assertThat(JsonPath.from(line).getString("canonical")).contains("\"tenantId\":\"" + other + "\"");
        }
        given().auth().oauth2(outsider).get("/api/v1/audit/checkpoints").then().statusCode(200)
                .body("items.size()", is(0));
        // the tenant comes from the token only: a tenant header or parameter changes nothing
        assertThat(given().auth().oauth2(outsider).header("X-Tenant-Id", tenant.toString())
                .queryParam("tenantId", tenant.toString()).queryParam("entityId", customer)
                .get("/api/v1/audit/events").then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
    }

    @Test
    void everyEndpointRequiresAnAuditorOrAdminOfATenant() {
        String rep = TestTokens.forTenant(tenant).user("rep-1").roles("sales_rep", "manager").mint();
        for (String path : List.of("/api/v1/audit/events", "/api/v1/audit/entities/customer/x/timeline",
                "/api/v1/audit/verify", "/api/v1/audit/export", "/api/v1/audit/checkpoints",
                "/api/v1/audit/retention")) {
            given().auth().oauth2(rep).get(path).then().statusCode(403).body("code", is("forbidden"));
            given().get(path).then().statusCode(401).body("code", is("unauthorized"));
        }
        given().auth().oauth2(auditor).post("/api/v1/audit/checkpoints").then().statusCode(403);
        given().auth().oauth2(auditor).contentType("application/json").body("{\"days\":40}")
                .put("/api/v1/audit/retention").then().statusCode(403);
        given().auth().oauth2(auditor).contentType("application/json").body("{}")
                .post("/api/v1/audit/retention/purge").then().statusCode(403);
        String platformUser = TestTokens.withoutTenant().user("root").roles("auditor", "admin").mint();
        given().auth().oauth2(platformUser).get("/api/v1/audit/events").then().statusCode(403)
                .body("code", is("tenant_required"));
    }

    @Test
    void badParametersAreProblemsNotErrors() {
        given().auth().oauth2(auditor).get("/api/v1/audit/events?limit=0").then().statusCode(400)
                .body("code", is("validation_failed")).body("errors[0].field", is("limit"));
        given().auth().oauth2(auditor).get("/api/v1/audit/events?limit=501").then().statusCode(400);
        given().auth().oauth2(auditor).get("/api/v1/audit/events?cursor=not-a-cursor").then().statusCode(400)
                .body("code", is("invalid_parameter"));
        given().auth().oauth2(auditor).get("/api/v1/audit/events?from=yesterday").then().statusCode(400)
                .body("code", is("invalid_parameter"));
        given().auth().oauth2(auditor).get("/api/v1/audit/verify?fromSequence=5&toSequence=2").then().statusCode(400);
        given().auth().oauth2(auditor).get("/api/v1/audit/events?entityId=' or 1=1 --").then().statusCode(200)
                .body("items.size()", is(0));
    }

    @Test
    void timelineFollowsACustomerAcrossItsOrdersAndThePaymentsForThem() {
        String customer = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        String payment = UUID.randomUUID().toString();
        long created = Seed.customer(trail, tenant, "created", customer, "{\"id\":\"" + customer + "\"}");
        long placed = Seed.append(trail, tenant, "order.events", "io.fieldsales.order.order.placed.v1", order, "rep-1",
                null, "{\"customerId\":\"" + customer + "\"}");
        Seed.append(trail, tenant, "order.events", "io.fieldsales.order.order.placed.v1", UUID.randomUUID().toString(),
                "rep-1", null, "{\"customerId\":\"" + UUID.randomUUID() + "\"}");
        long paid = Seed.append(trail, tenant, "cash.events", "io.fieldsales.cash.payment.collected.v1", payment,
                "cashier-1", null, "{\"orderId\":\"" + order + "\"}");
        long updated = Seed.customer(trail, tenant, "updated", customer, "{\"version\":2}");
        JsonPath timeline = given().auth().oauth2(auditor).get("/api/v1/audit/entities/customer/" + customer + "/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getList("items.sequence", Long.class)).containsExactly(created, placed, paid, updated);
        JsonPath paged = given().auth().oauth2(auditor)
                .get("/api/v1/audit/entities/customer/" + customer + "/timeline?limit=2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(paged.getList("items.sequence", Long.class)).containsExactly(created, placed);
        assertThat(given().auth().oauth2(auditor).get("/api/v1/audit/entities/customer/" + customer
                + "/timeline?limit=2&cursor=" + paged.getString("nextCursor")).then().statusCode(200).extract()
                .jsonPath().getList("items.sequence", Long.class)).containsExactly(paid, updated);
    }

    @Test
    void readsVerificationsAndExportsAreThemselvesAudited() {
        String customer = UUID.randomUUID().toString();
        Seed.customer(trail, tenant, "created", customer, "{}");
        list(auditor, "?entityId=" + customer);
        given().auth().oauth2(auditor).get("/api/v1/audit/verify").then().statusCode(200);
        given().auth().oauth2(auditor).get("/api/v1/audit/export").then().statusCode(200);
        JsonPath reads = list(admin, "?actorId=aud-7&entityType=audit-trail");
        assertThat(reads.getList("items.type", String.class)).containsExactly("io.fieldsales.audit.trail.exported.v1",
                "io.fieldsales.audit.trail.verified.v1", "io.fieldsales.audit.trail.read.v1");
        assertThat(reads.getString("items[2].data.filters.entityId")).isEqualTo(customer);
        assertThat(reads.getInt("items[2].data.returned")).isEqualTo(1);
        assertThat(reads.getString("items[2].topic")).isEqualTo("audit.api");
    }

    @Test
    void verifyFindsARowChangedThroughAPrivilegedConnectionAtItsExactSequence() {
        for (int i = 0; i < 10; i++) {
            Seed.customer(trail, tenant, "updated", UUID.randomUUID().toString(), "{\"v\":" + i + "}");
        }
        given().auth().oauth2(auditor).get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", is(true)).body("firstBrokenSequence", org.hamcrest.Matchers.nullValue());
        Db.tamper("update audit_event set data = '{\"v\": 99}' where tenant_id = '" + tenant + "' and sequence = 6");
        given().auth().oauth2(auditor).get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", is(false)).body("firstBrokenSequence", is(6));
        given().auth().oauth2(auditor).get("/api/v1/audit/verify?fromSequence=7").then().statusCode(200)
                .body("valid", is(true));
        given().auth().oauth2(auditor).get("/api/v1/audit/verify?fromSequence=2&toSequence=5").then().statusCode(200)
                .body("valid", is(true)).body("checked", is(4));
        given().auth().oauth2(auditor).get("/api/v1/audit/verify?fromSequence=7&toSequence=1000").then().statusCode(200)
                .body("valid", is(true)).body("toSequence", org.hamcrest.Matchers.lessThan(20)); // the head, not 1000
        // a tamperer who also recomputes that row's own hash breaks the link of the next row
        Db.tamper("update audit_event set actor_id = 'someone-else', hash = sha256(hash)"
                + " where tenant_id = '" + tenant + "' and sequence = 3");
        given().auth().oauth2(auditor).get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", is(false)).body("firstBrokenSequence", is(3));
    }

    @Test
    void deletingTheNewestRowsAndRewritingTheHeadIsCaughtByTheSignedCheckpoint() {
        for (int i = 0; i < 5; i++) {
            Seed.customer(trail, tenant, "updated", UUID.randomUUID().toString(), "{}");
        }
        given().auth().oauth2(admin).post("/api/v1/audit/checkpoints").then().statusCode(201).body("sequence", is(5));
        Db.tamper("delete from audit_event where tenant_id = '" + tenant + "' and sequence >= 4",
                "update audit_chain_head h set last_sequence = 3, last_hash = e.hash from audit_event e"
                        + " where h.tenant_id = '" + tenant + "' and e.tenant_id = h.tenant_id and e.sequence = 3");
        given().auth().oauth2(auditor).get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", is(false)).body("firstBrokenSequence", is(4));
    }

    @Test
    void exportStreamsNdjsonThatAnAuditorCanVerifyOffline() throws Exception {
        for (int i = 0; i < 5; i++) {
            Seed.customer(trail, tenant, "updated", UUID.randomUUID().toString(), "{\"n\":" + i + ",\"name\":\"Ann\"}");
        }
        String body = given().auth().oauth2(auditor).get("/api/v1/audit/export").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/x-ndjson")).extract().asString();
        String[] lines = body.strip().split("\n");
        assertThat(lines).hasSize(5);
        String prev = "0".repeat(64);
        for (int i = 0; i < lines.length; i++) {
            JsonPath line = JsonPath.from(lines[i]);
            assertThat(line.getLong("sequence")).isEqualTo(i + 1);
            assertThat(line.getString("prevHash")).isEqualTo(prev);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HexFormat.of().parseHex(line.getString("prevHash")));
            sha.update(line.getString("canonical").getBytes(StandardCharsets.UTF_8));
            assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(line.getString("hash"));
            assertThat(line.getString("canonical")).contains(tenant.toString()).doesNotContain("Ann");
            prev = line.getString("hash");
        }
    }
}
