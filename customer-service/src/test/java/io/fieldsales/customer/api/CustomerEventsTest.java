package io.fieldsales.customer.api;

import static io.fieldsales.platform.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.customer.TenantFixture;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Each change yields exactly one CloudEvent on customer.events, with the documented type and headers. */
@QuarkusTest
class CustomerEventsTest {

    private final TenantFixture t = new TenantFixture();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyKindOfChangePublishesExactlyOneCloudEvent() throws Exception {
        try (TopicProbe probe = TopicProbe.on("customer.events")) {
            String a = t.asRep().header("X-Request-Id", "req-events-1")
                    .body(TenantFixture.json("Event Shop", t.email("ev"), "082 870 0001"))
                    .post("/api/v1/customers").then().statusCode(201).extract().path("id");
            String b = t.create("Event Twin", t.email("ev2"), null);
            t.asRep().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                    .body("{\"name\":\"Event Shop Renamed\"}").patch("/api/v1/customers/" + a).then().statusCode(200);
            // a PATCH that changes nothing is not a change
            t.asRep().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body("{\"name\":\"Event Shop Renamed\"}").patch("/api/v1/customers/" + a).then().statusCode(200);
            t.asManager().delete("/api/v1/customers/" + b).then().statusCode(204);
            t.asManager().post("/api/v1/customers/" + b + "/restore").then().statusCode(200);
            t.asManager().body("{\"sourceIds\":[\"" + b + "\"]}").post("/api/v1/customers/" + a + "/merge")
                    .then().statusCode(200);
            t.asAdmin().post("/api/v1/customers/" + a + "/erase").then().statusCode(200);
            // rejected changes publish nothing
            t.createResponse("Rejected", t.email("ev2"), null).statusCode(201);
            t.createResponse("Rejected twin", t.email("ev2"), null).statusCode(409);

            var ofTenant = TopicProbe.withHeader("ce_tenantid", t.tenant.toString());
            probe.await(ofTenant, 8, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> records = probe.drain(ofTenant, Duration.ofMillis(700));
            assertThat(records).extracting(r -> header(r, "ce_type")).containsExactlyInAnyOrder(
                    "io.fieldsales.customer.created.v1", "io.fieldsales.customer.created.v1",
                    "io.fieldsales.customer.updated.v1", "io.fieldsales.customer.deleted.v1",
                    "io.fieldsales.customer.restored.v1", "io.fieldsales.customer.merged.v1",
                    "io.fieldsales.customer.erased.v1", "io.fieldsales.customer.created.v1");
            assertThat(records).hasSize(8);
            for (ConsumerRecord<String, String> r : records) {
                assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
                assertThat(UUID.fromString(header(r, "ce_id"))).isNotNull();
                assertThat(header(r, "ce_source")).isEqualTo("customer-service");
                assertThat(header(r, "ce_subject")).isEqualTo(r.key());
                assertThat(header(r, "ce_time")).isNotBlank();
                assertThat(header(r, "ce_actorid")).isNotBlank();
            }
            ConsumerRecord<String, String> created = records.stream().filter(r -> a.equals(r.key())).findFirst()
                    .orElseThrow();
            assertThat(header(created, "ce_type")).isEqualTo("io.fieldsales.customer.created.v1");
            assertThat(header(created, "ce_requestid")).isEqualTo("req-events-1");
            assertThat(header(created, "ce_actorid")).isEqualTo("sales_rep-user");
            JsonNode data = json.readTree(created.value());
            assertThat(data.at("/customer/email").asText()).isEqualTo(t.email("ev"));
            assertThat(data.at("/customer/phone").asText()).isEqualTo("+27828700001");
            ConsumerRecord<String, String> updated = records.stream()
                    .filter(r -> header(r, "ce_type").endsWith("updated.v1")).findFirst().orElseThrow();
            assertThat(json.readTree(updated.value()).get("changedFields").toString()).isEqualTo("[\"name\"]");
            ConsumerRecord<String, String> merged = records.stream()
                    .filter(r -> header(r, "ce_type").endsWith("merged.v1")).findFirst().orElseThrow();
            JsonNode mergedData = json.readTree(merged.value());
            assertThat(merged.key()).isEqualTo(a);
            assertThat(mergedData.get("sourceIds").get(0).asText()).isEqualTo(b);
            assertThat(mergedData.get("conflicts").findValuesAsText("field")).contains("name", "email");
            assertThat(mergedData.get("movedContacts").findValuesAsText("value")).contains(t.email("ev2"));
        }
    }
}
