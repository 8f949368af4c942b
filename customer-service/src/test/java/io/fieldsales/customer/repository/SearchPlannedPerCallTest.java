package io.fieldsales.customer.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.customer.domain.CustomerStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The service's pool keeps its statements prepared on the connection, except searches ({@code PlannedPerCall}):
 * after seven runs of each on one connection, PostgreSQL holds the plain list as a prepared statement and not the
 * search, which it plans for each call's term.
 */
@QuarkusTest
class SearchPlannedPerCallTest {

    @Inject
    Pool pool;

    @Test
    void searchesAreNotKeptListsAre() {
        UUID tenant = UUID.randomUUID();
        CustomerReads.Statement list = CustomerReads.pageStatement(
                new CustomerListQuery(tenant, Set.of(CustomerStatus.ACTIVE), null, null, null, null, 20));
        CustomerReads.Statement byName = CustomerReads.pageStatement(
                new CustomerListQuery(tenant, Set.of(CustomerStatus.ACTIVE), "zzqq", null, null, null, 20));
        CustomerReads.Statement byTag = CustomerReads.pageStatement(
                new CustomerListQuery(tenant, Set.of(CustomerStatus.ACTIVE), null, null, "vip", null, 20));

        List<String> kept = pool.withConnection(conn -> runs(conn, list, 7)
                .chain(() -> runs(conn, byName, 7))
                .chain(() -> runs(conn, byTag, 7))
                .chain(() -> conn.query("select statement from pg_prepared_statements").execute())
                .map(rows -> {
                    List<String> statements = new ArrayList<>();
                    rows.forEach(r -> statements.add(r.getString(0)));
                    return statements;
                }))
                .await().indefinitely();

        assertThat(kept).contains(list.sql()).doesNotContain(byName.sql(), byTag.sql());
    }

    private static Uni<Void> runs(SqlConnection conn, CustomerReads.Statement statement, int times) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < times; i++) {
            chain = chain.chain(() -> conn.preparedQuery(statement.sql()).execute(Tuple.from(statement.params()))
                    .replaceWithVoid());
        }
        return chain;
    }
}
