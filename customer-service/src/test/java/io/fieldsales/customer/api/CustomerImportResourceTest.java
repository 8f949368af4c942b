package io.fieldsales.customer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.customer.Db;
import io.fieldsales.customer.TenantFixture;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bulk import: per-row results, invalid rows never abort valid ones, re-runs create nothing, and speed. */
@QuarkusTest
class CustomerImportResourceTest {

    private final TenantFixture t = new TenantFixture();
    private final ObjectMapper json = new ObjectMapper();

    private List<JsonNode> importFile(String contentType, String body, String query) {
        String response = t.asManager().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/customers/import" + query).then().statusCode(200)
                .contentType("application/x-ndjson").extract().asString();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : response.split("\n")) {
            if (!line.isBlank()) {
                try {
                    rows.add(json.readTree(line));
                } catch (Exception e) {
                    throw new IllegalStateException(line, e);
                }
            }
        }
        return rows;
    }

    private static Map<String, Long> statuses(List<JsonNode> rows) {
        return rows.stream().collect(Collectors.groupingBy(r -> r.get("status").asText(), Collectors.counting()));
    }

    @Test
    void ndjsonImportReportsEveryRowAndReRunningCreatesNothing() {
        String existing = t.create("Already Here", t.email("here"), null);
        String file = String.join("\n",
                "{\"name\":\"Row One\",\"email\":\"" + t.email("one") + "\"}",
                "{\"name\":\"Row Two\",\"phone\":\"082 840 0002\",\"tags\":[\"imported\"]}",
                "{\"name\":\"\",\"email\":\"bad\"}",
                "not json at all",
                "{\"name\":\"Existing\",\"email\":\"" + t.email("here").toUpperCase() + "\"}",
                "{\"name\":\"Same as row one\",\"email\":\"" + t.email("one") + "\"}",
                "",
                "{\"name\":\"Robert'); DROP TABLE customer;--\",\"email\":\"" + t.email("bobby") + "\"}");
        List<JsonNode> first = importFile("application/x-ndjson", file, "");
        assertThat(first).extracting(r -> r.get("row").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(first).extracting(r -> r.get("status").asText())
                .containsExactly("created", "created", "invalid", "invalid", "existing", "existing", "created");
        assertThat(first.get(4).get("customerId").asText()).isEqualTo(existing);
        assertThat(first.get(5).get("customerId").asText()).isEqualTo(first.get(0).get("customerId").asText());
        assertThat(first.get(2).get("errors").findValuesAsText("field")).contains("name", "email");
        assertThat(Db.count("select count(*) from customer where tenant_id = ?", t.tenant)).isEqualTo(4);
        assertThat(Db.strings("select name from customer where tenant_id = ? and name like 'Robert%'", t.tenant))
                .containsExactly("Robert'); DROP TABLE customer;--");

        List<JsonNode> again = importFile("application/x-ndjson", file, "");
        assertThat(statuses(again)).containsExactlyInAnyOrderEntriesOf(Map.of("existing", 5L, "invalid", 2L));
        assertThat(Db.count("select count(*) from customer where tenant_id = ?", t.tenant)).isEqualTo(4);

        List<JsonNode> createMode = importFile("application/x-ndjson", file, "?mode=create");
        assertThat(statuses(createMode)).containsExactlyInAnyOrderEntriesOf(Map.of("duplicate", 5L, "invalid", 2L));
    }

    @Test
    void csvImportWithQuotedFieldsAndADryRunThatWritesNothing() {
        String csv = "name,email,phone,city,country,tags\r\n"
                + "\"Mama's Kitchen, Soweto\",mama@" + t.tenant.toString().substring(0, 8) + ".example,,Soweto,ZA,food|vip\r\n"
                + "Corner Spaza,,082 850 0001,,,\r\n"
                + "Broken Phone,,12,,,\r\n";
        List<JsonNode> dry = importFile("text/csv", csv, "?dryRun=true");
        assertThat(dry).extracting(r -> r.get("status").asText()).containsExactly("created", "created", "invalid");
        assertThat(Db.count("select count(*) from customer where tenant_id = ?", t.tenant)).isZero();

        List<JsonNode> real = importFile("text/csv", csv, "");
        assertThat(real).extracting(r -> r.get("status").asText()).containsExactly("created", "created", "invalid");
        t.asRep().get("/api/v1/customers/" + real.get(0).get("customerId").asText()).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Mama's Kitchen, Soweto"))
                .body("tags", org.hamcrest.Matchers.contains("food", "vip"));
        t.asManager().contentType("text/csv").body("name,nickname\nX,Y\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/customers/import")
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("validation_failed"));
    }

    @Test
    void brokenCsvIsDescribedInOurWordsNeverTheParsers() {
        String missingHeaderName = t.asManager().contentType("text/csv")
                .body("name,\nX,Y\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/customers/import")
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("validation_failed"))
                .extract().asString();
        String unterminated = t.asManager().contentType("text/csv")
                .body("name,city\n\"Open quote,Soweto\nNext,Row\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/customers/import").then().extract().asString();
        for (String body : List.of(missingHeaderName, unterminated)) {
            assertThat(body).contains("is not valid CSV").doesNotContain("Exception").doesNotContain("header name is missing")
                    .doesNotContain("EOF").doesNotContain("encapsulated").doesNotContain("org.apache");
        }
    }

    @Test
    void importOfTenThousandRowsTakesSecondsAndPrintsItsTime() {
        StringBuilder file = new StringBuilder();
        String prefix = t.tenant.toString().substring(0, 8);
        for (int i = 0; i < 10_000; i++) {
            file.append("{\"name\":\"Bulk Shop ").append(i).append("\",\"email\":\"bulk").append(i).append('@')
                    .append(prefix).append(".example\",\"phone\":\"+2783").append(String.format("%07d", i))
                    .append("\",\"tags\":[\"bulk\"]}\n");
        }
        long start = System.nanoTime();
        List<JsonNode> rows = importFile("application/x-ndjson", file.toString(), "");
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(statuses(rows)).containsExactlyEntriesOf(Map.of("created", 10_000L));

        start = System.nanoTime();
        List<JsonNode> rerun = importFile("application/x-ndjson", file.toString(), "");
        long rerunMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(statuses(rerun)).containsExactlyEntriesOf(Map.of("existing", 10_000L));
        System.out.printf("BENCHMARK import 10000 rows (NDJSON, email+phone): %.1f s; re-run (all existing): %.1f s%n",
                firstMillis / 1000.0, rerunMillis / 1000.0);
        assertThat(Db.count("select count(*) from customer where tenant_id = ?", t.tenant)).isEqualTo(10_000);
        assertThat(Db.count("select count(*) from unique_contacts where tenant_id = ?", t.tenant)).isEqualTo(20_000);
        assertThat(Db.count("select count(*) from outbox where tenant_id = ? and event_type ="
                + " 'io.fieldsales.customer.created.v1'", t.tenant)).isEqualTo(10_000);
    }

    @Test
    void moreThanTenThousandRowsIs413() {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            file.append("{\"name\":\"n\",\"email\":\"x").append(i).append("@y.example\"}\n");
        }
        t.asManager().contentType("application/x-ndjson").body(file.toString().getBytes(StandardCharsets.UTF_8)).post("/api/v1/customers/import")
                .then().statusCode(413).body("code", org.hamcrest.Matchers.equalTo("payload_too_large"));
    }
}
