package io.fieldsales.customer.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.customer.Db;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The name and tag GIN indexes keep at most 256 kB of new rows in their pending list (V5), so a search never scans
 * more than that: after 2,000 inserts the name index's list is a few pages (400, 3.2 MB, with the default 4 MB).
 */
@QuarkusTest
class GinPendingListTest {

    @Test
    void thePendingListsStaySmallUnderManyInserts() {
        Db.execute("create extension if not exists pgstattuple");
        String tenant = UUID.randomUUID().toString();
        // ~3 MB of name trigrams: over the 256 kB limit many times, under the default 4 MB
        Db.execute("insert into customer (id, tenant_id, name, tags, created_by, updated_by) select gen_random_uuid(),"
                + " ?::uuid, 'Pending ' || md5(i::text) || ' ' || md5((i * 7)::text), array['t' || (i % 50)],"
                + " 'test', 'test' from generate_series(1, 2000) i", tenant);
        assertThat(Db.count("select pending_pages from pgstatginindex('customer_name_trgm_idx'::regclass)"))
                .isLessThanOrEqualTo(40);
        // the tags' list grows by a few entries a row (14 pages after the same rows with the default): the setting
        for (String index : new String[] {"customer_name_trgm_idx", "customer_tags_idx"}) {
            assertThat(Db.strings("select unnest(reloptions) from pg_class where relname = ?", index)).as(index)
                    .contains("gin_pending_list_limit=256");
        }
    }
}
