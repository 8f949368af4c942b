package io.fieldsales.customer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.platform.testing.Concurrently;
import io.fieldsales.customer.Db;
import io.fieldsales.customer.TenantFixture;
import io.fieldsales.customer.repository.DuplicateQueries;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The database, not the application, decides races: each rule here is fired at once from many threads. */
@QuarkusTest
class CustomerConcurrencyTest {

    private final TenantFixture t = new TenantFixture();

    private static final List<String> FORMATS = List.of("+27 82 555 0101", "082-555-0101", "0825550101",
            "(082) 555 0101", "+27825550101", "0027825550101", "082 555 0101", "+27 (0)82 555 0101", "082.555.0101",
            "+27-82-555-0101");

    @Test
    void fiftyParallelCreatesWithOnePhoneInDifferentFormatsYieldOneCustomer() throws Exception {
        List<Response> responses = Concurrently.run(50, 50, i -> t.asRep()
                .body(TenantFixture.json("Shop " + i, null, FORMATS.get(i % FORMATS.size())))
                .post("/api/v1/customers").andReturn());

        Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(Response::statusCode,
                Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 49L));
        String winner = responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().path("id");
        assertThat(responses.stream().filter(r -> r.statusCode() == 409))
                .allSatisfy(r -> {
                    assertThat(r.<String>path("code")).isEqualTo("duplicate_contact");
                    assertThat(r.<String>path("existingCustomerId")).isEqualTo(winner);
                });
        assertThat(Db.count("select count(*) from customer where tenant_id = ?", t.tenant)).isEqualTo(1);
        assertThat(Db.strings("select customer_id::text from unique_contacts where tenant_id = ?", t.tenant))
                .containsExactly(winner);
    }

    @Test
    void parallelCreatesMakingOneNameKeyCommonAllSucceedAndLeaveItCommon() throws Exception {
        // 120 shops sharing two words, 32 at a time: many transactions pass 50 customers for the same keys at once
        List<Response> responses = Concurrently.run(120, 32, i -> t.asRep()
                .body(TenantFixture.json("Jacaranda Wholesalers " + Integer.toString(i * 7919 + 100_000, 36),
                        t.email("jacaranda" + i), null))
                .post("/api/v1/customers").andReturn());

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        for (String key : List.of("d:jacaranda", "p:jacaranda wholesalers")) {
            List<String> rows = Db.strings("select customer_id::text from customer_name_key where tenant_id = ?"
                    + " and name_key = ?", t.tenant, key);
            // the marker, and no more than the few customer rows that raced past it (never 50)
            assertThat(rows).as(key).contains(DuplicateQueries.COMMON_KEY_MARKER).hasSizeLessThan(33);
        }
    }

    @Test
    void twoHundredParallelFindOrCreateWithOneEmailYieldOneCustomer() throws Exception {
        String email = t.email("rush");
        List<Response> responses = Concurrently.run(200, 64, i -> t.asRep()
                .body(TenantFixture.json("Rush Hour Spaza", i % 2 == 0 ? email : email.toUpperCase(), null))
                .post("/api/v1/customers/find-or-create").andReturn());

        Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(Response::statusCode,
                Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 200, 199L));
        assertThat(responses.stream().map(r -> r.<String>path("id")).distinct().toList()).hasSize(1);
        assertThat(Db.count("select count(*) from customer where tenant_id = ?", t.tenant)).isEqualTo(1);
    }

    @Test
    void ofParallelPatchesWithOneVersionExactlyOneSucceeds() throws Exception {
        String id = t.create("Patch Target", t.email("patch"), null);
        List<Response> responses = Concurrently.run(20, 20, i -> t.asRep()
                .contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"name\":\"Renamed " + i + "\"}")
                .patch("/api/v1/customers/" + id).andReturn());

        Map<Integer, List<Response>> byStatus = responses.stream().collect(Collectors.groupingBy(Response::statusCode));
        assertThat(byStatus.keySet()).containsExactlyInAnyOrder(200, 412);
        assertThat(byStatus.get(200)).hasSize(1);
        assertThat(byStatus.get(412)).allSatisfy(r -> {
            assertThat(r.<String>path("code")).isEqualTo("version_conflict");
            assertThat(r.<Integer>path("currentVersion")).isEqualTo(1);
        });
        assertThat(Db.count("select version from customer where id = ?", Db.uuid(id))).isEqualTo(1);
        assertThat(Db.count("select count(*) from customer_history where customer_id = ? and action = 'updated'",
                Db.uuid(id))).isEqualTo(1);
    }

    @Test
    void crossingMergesNeverDeadlockAndLeaveNoContactOnAMergedCustomer() throws Exception {
        for (int round = 0; round < 5; round++) {
            String a = t.create("Crossing A" + round, t.email("a" + round), null);
            String b = t.create("Crossing B" + round, t.email("b" + round), "+27 82 600 00" + (10 + round));
            List<Response> responses = Concurrently.run(2, 2, i -> t.asManager()
                    .body("{\"sourceIds\":[\"" + (i == 0 ? b : a) + "\"]}")
                    .post("/api/v1/customers/" + (i == 0 ? a : b) + "/merge").andReturn());

            Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(Response::statusCode,
                    Collectors.counting()));
            assertThat(byStatus).as("round %d: %s", round, responses.stream().map(Response::asString).toList())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 409, 1L));
            assertThat(Db.count("select count(*) from unique_contacts u join customer c on c.id = u.customer_id"
                    + " where u.tenant_id = ? and c.status <> 'ACTIVE'", t.tenant)).isZero();
        }
        assertThat(Db.count("select count(*) from customer where tenant_id = ? and status = 'MERGED'", t.tenant))
                .isEqualTo(5);
    }

}
