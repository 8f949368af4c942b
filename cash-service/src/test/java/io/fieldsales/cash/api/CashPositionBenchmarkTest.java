package io.fieldsales.cash.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.cash.CashTestInfra;
import io.fieldsales.cash.Db;
import io.fieldsales.cash.TenantFixture;
import io.fieldsales.cash.repository.CashReports;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cash-position report of a tenant with 1,000,000 collections (1,000 sessions of 1,000 each, written straight
 * into the database): it reads the sessions' running totals through tenant-first indexes, never the collections.
 * Prints BENCHMARK lines (plan and latency); asserts the plan's shape, not timings.
 */
@QuarkusTest
class CashPositionBenchmarkTest extends CashTestInfra {

    @Test
    void cashPositionAnswersFromIndexesInATenantWithAMillionCollections() {
        TenantFixture t = new TenantFixture();
        long start = System.nanoTime();
        Db.execute("insert into cash_session (id, tenant_id, owner_id, location, currency, opening_float, status,"
                + " cash_total, collections_count, counted_cash, expected_cash, variance, variance_tier, opened_at,"
                + " closed_at, updated_at) select gen_random_uuid(), ?, 'rep-' || (g % 50), 'loc-' || (g % 5), 'ZAR',"
                + " 100, case when g <= 50 then 'OPEN' when g <= 300 then 'CLOSED' else 'RECONCILED' end,"
                + " 1000, 1000, case when g <= 50 then null else 1100 end, case when g <= 50 then null"
                + " else 1100 end, case when g <= 50 then null else 0 end, case when g <= 50 then null"
                + " else 'AUTO' end, now() - interval '1 day', case when g <= 50 then null else now() end, now()"
                + " from generate_series(1, 1000) g", t.tenant);
        // other tenants' sessions around it, so the tenant-first index is what narrows the scan
        Db.execute("insert into cash_session (id, tenant_id, owner_id, currency, opening_float, status, counted_cash,"
                + " expected_cash, variance, variance_tier, opened_at, closed_at, updated_at) select gen_random_uuid(),"
                + " gen_random_uuid(), 'rep', 'ZAR', 0, 'RECONCILED', 0, 0, 0, 'AUTO', now(), now(), now()"
                + " from generate_series(1, 20000)");
        Db.execute("insert into collection (id, tenant_id, session_id, owner_id, amount, currency, method, created_at)"
                + " select gen_random_uuid(), s.tenant_id, s.id, s.owner_id, 1, 'ZAR', 'CASH', now()"
                + " from cash_session s cross join generate_series(1, 1000) g where s.tenant_id = ?", t.tenant);
        Db.execute("analyze cash_session");
        Db.execute("analyze collection");
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(Db.count("select count(*) from collection where tenant_id = ?", t.tenant)).isEqualTo(1_000_000);
        System.out.println("BENCHMARK cash-position seed: 1000 sessions, 1000000 collections in " + loadMillis + " ms");

        List<String> plan = Db.strings("explain (analyze, buffers) " + CashReports.SESSION_POSITION.replace("$1",
                "'" + t.tenant + "'::uuid"));
        plan.forEach(line -> System.out.println("BENCHMARK cash-position plan: " + line));
        String text = String.join("\n", plan);
        assertThat(text).doesNotContain("on collection").containsPattern("Index (Only )?Scan|Bitmap Index Scan");

        t.as("finance").get("/api/v1/reports/cash-position").then().statusCode(200);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            t.as("finance").get("/api/v1/reports/cash-position").then().statusCode(200)
                    .body("items.size()", equalTo(50));
            best = Math.min(best, System.nanoTime() - s);
        }
        System.out.println("BENCHMARK cash-position GET /api/v1/reports/cash-position (1,000,000 collections): best of 5 "
                + best / 1_000_000 + " ms");
    }
}
