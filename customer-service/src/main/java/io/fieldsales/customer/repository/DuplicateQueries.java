package io.fieldsales.customer.repository;

import io.fieldsales.customer.domain.Customer;
import io.fieldsales.platform.db.SessionSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The duplicate-detection reads and the "not a duplicate" decisions. Every signal is answered by an index: trigram
 * similarity of names (GIN pg_trgm), national phone number, email local part, external reference. The probe on
 * create ({@link #similarNames}) looks names up by their blocking keys instead (V2), so its cost does not grow with
 * the tenant.
 *
 * <p>{@code %} (pg_trgm) matches with the session's {@code pg_trgm.similarity_threshold} (PITFALLS 17): at the default
 * 0.3 every "General Store ..." of a big tenant qualifies and PostgreSQL scans them all; set to the threshold we
 * filter on, the index stays selective. Both queries set it for their own transaction only.
 */
@ApplicationScoped
public class DuplicateQueries {

    /** What one candidate shares with the customer: its name's similarity and which exact signals match. */
    public record Signals(UUID id, String name, double nameScore, boolean samePhoneNational, boolean sameEmailLocal,
            boolean sameExternalRef) {
    }

    /** An active customer whose name is close to a new one's. */
    public record NameMatch(UUID id, double score) {
    }

    private static final String CANDIDATES = "select c.id, c.name, similarity(c.name, $2) as name_score,"
            + " coalesce(c.phone_national = $3, false) as same_phone,"
            + " coalesce(c.email_local = $4, false) as same_email_local,"
            + " coalesce(c.external_ref = $5, false) as same_ref"
            + " from customer c"
            + " where c.tenant_id = $1 and c.status = 'ACTIVE' and c.id <> $6"
            + " and (c.name % $2 or c.phone_national = $3 or c.email_local = $4 or c.external_ref = $5)"
            + " and not exists (select 1 from not_duplicate n where n.tenant_id = $1"
            + "   and n.customer_a = least(c.id, $6) and n.customer_b = greatest(c.id, $6))"
            // exact signals first: in a big tenant, hundreds of middling name matches must not crowd out the
            // customer with the same phone number or ERP reference
            + " order by (coalesce(c.phone_national = $3, false) or coalesce(c.external_ref = $5, false)) desc,"
            + " coalesce(c.email_local = $4, false) desc, name_score desc, c.id limit 200";

    @Inject
    Pool pool;

    /**
     * Up to 200 active customers sharing a signal with {@code c} (names at least {@code nameThreshold} similar),
     * exact signals first, leaving out pairs marked as distinct.
     */
    public Uni<List<Signals>> candidates(Customer c, double nameThreshold) {
        return pool.withTransaction(conn -> conn
                        .preparedQuery("select set_config('pg_trgm.similarity_threshold', $1, true)")
                        .execute(Tuple.of(Double.toString(nameThreshold)))
                        .chain(() -> conn.preparedQuery(CANDIDATES)
                                .execute(Tuple.from(Arrays.asList(c.tenantId, c.name, c.phoneNational, c.emailLocal,
                                        c.externalRef, c.id)))))
                .map(rows -> {
                    List<Signals> found = new ArrayList<>();
                    for (Row r : rows) {
                        found.add(new Signals(r.getUUID("id"), r.getString("name"), r.getDouble("name_score"),
                                r.getBoolean("same_phone"), r.getBoolean("same_email_local"),
                                r.getBoolean("same_ref")));
                    }
                    return found;
                });
    }

    /**
     * The near-duplicate probe on create: the {@code limit} active customers most similar by name to {@code c} (at
     * least {@code threshold}, pg_trgm similarity as before) among those sharing one of its uncommon name keys
     * ({@code customer_name_key}, V2 and V3), in the caller's Hibernate Reactive transaction (the one creating
     * {@code c}, which has flushed it). One statement, and no {@code set_config}: the trigram index is not used here.
     */
    public Uni<List<NameMatch>> similarNames(Customer c, double threshold, int limit) {
        return SessionSql.rows(SIMILAR_NAMES, c.tenantId, c.name, c.id, threshold, limit)
                .map(rows -> rows.stream().map(r -> new NameMatch((UUID) r[0], ((Number) r[1]).doubleValue()))
                        .toList());
    }

    /**
     * A name key shared by more than 50 active customers of the tenant ("store", "general store") says nothing about a
     * new name: it is kept as one marker row with this customer id and no customer rows (V3), and the probe leaves it
     * out like a stop word, so its cost depends on how rare the new name's words are, not on how big the tenant is.
     */
    public static final String COMMON_KEY_MARKER = "00000000-0000-0000-0000-000000000000";

    // A common key's only row is its marker, whose nil id is no customer's: the join finds nothing through it, with
    // one index probe. (The few customer rows that raced past a key becoming common are read, and judged by score.)
    private static final String SIMILAR_NAMES = "select c.id, similarity(c.name, ?2) as score from customer c"
            + " where c.id in (select k.customer_id from unnest(customer_name_keys(?2)) as q(name_key)"
            + "   join customer_name_key k on k.tenant_id = ?1 and k.name_key = q.name_key)"
            + " and c.tenant_id = ?1 and c.status = 'ACTIVE' and c.id <> ?3 and similarity(c.name, ?2) >= ?4"
            + " order by score desc, c.id limit ?5";

    /** Which of these ids are customers of the tenant (in any state). */
    public Uni<List<UUID>> existing(UUID tenantId, UUID... ids) {
        return pool.preparedQuery("select id from customer where tenant_id = $1 and id = any($2)")
                .execute(Tuple.of(tenantId, ids))
                .map(rows -> {
                    List<UUID> found = new ArrayList<>();
                    rows.forEach(r -> found.add(r.getUUID(0)));
                    return found;
                });
    }

    /** Records that two customers are distinct people (idempotent). */
    public Uni<Void> markDistinct(UUID tenantId, UUID id, UUID otherId, String decidedBy) {
        // least/greatest in SQL: PostgreSQL orders uuids as unsigned bytes, Java's compareTo does not
        return pool.preparedQuery("insert into not_duplicate (tenant_id, customer_a, customer_b, decided_by)"
                        + " values ($1, least($2::uuid, $3::uuid), greatest($2::uuid, $3::uuid), $4)"
                        + " on conflict do nothing")
                .execute(Tuple.of(tenantId, id, otherId, decidedBy)).replaceWithVoid();
    }
}
