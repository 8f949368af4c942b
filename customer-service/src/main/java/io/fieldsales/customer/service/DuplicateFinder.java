package io.fieldsales.customer.service;

import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.domain.CustomerStatus;
import io.fieldsales.customer.repository.CustomerReads;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.errors.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Finds likely duplicates of a customer among the tenant's active customers, from four signals, each answered by
 * an index (so it stays fast with a million customers): trigram similarity of names (GIN pg_trgm), the same
 * national phone number under another country code, the same email local part at another domain, the same
 * externalRef. Pairs a person marked as distinct ({@code not_duplicate}) are never suggested again.
 */
@ApplicationScoped
public class DuplicateFinder {

    public static final int MAX_CANDIDATES = 20;
    // How much each exact signal alone says; combined as independent evidence: 1 - prod(1 - s).
    static final double SAME_PHONE_NATIONAL = 0.9;
    static final double SAME_EXTERNAL_REF = 0.95;
    static final double SAME_EMAIL_LOCAL = 0.5;
    /** Names at least this similar (pg_trgm, 0..1) are candidates on their own. */
    static final double NAME_THRESHOLD = 0.45;

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
    CustomerReads reads;

    @Inject
    Pool pool;

    public Uni<List<DuplicateCandidate>> duplicatesOf(Actor actor, UUID id) {
        return reads.byId(actor.tenantId(), id).chain(found -> {
            Customer c = found.filter(x -> x.status != CustomerStatus.DELETED)
                    .orElseThrow(() -> CustomerProblems.notFound(id));
            // The trigram index answers "name % $2" with pg_trgm.similarity_threshold: at the default 0.3 every
            // "General Store ..." of a big tenant qualifies and PostgreSQL scans them all; at NAME_THRESHOLD the
            // index is selective. Set for this transaction only.
            return pool.withTransaction(conn -> conn
                    .preparedQuery("select set_config('pg_trgm.similarity_threshold', $1, true)")
                    .execute(Tuple.of(Double.toString(NAME_THRESHOLD)))
                    .chain(() -> conn.preparedQuery(CANDIDATES)
                            .execute(Tuple.from(java.util.Arrays.asList(actor.tenantId(), c.name, c.phoneNational,
                                    c.emailLocal, c.externalRef, c.id)))))
                    .map(rows -> {
                        List<DuplicateCandidate> candidates = new ArrayList<>();
                        for (Row r : rows) {
                            candidates.add(candidate(r));
                        }
                        candidates.sort(Comparator.comparingDouble(DuplicateCandidate::score).reversed()
                                .thenComparing(DuplicateCandidate::customerId));
                        return candidates.size() > MAX_CANDIDATES ? candidates.subList(0, MAX_CANDIDATES) : candidates;
                    });
        });
    }

    private static DuplicateCandidate candidate(Row r) {
        List<DuplicateCandidate.Reason> reasons = new ArrayList<>();
        double nameScore = round(r.getDouble("name_score"));
        if (nameScore >= 0.3) {
            reasons.add(new DuplicateCandidate.Reason("similar_name", nameScore));
        }
        if (r.getBoolean("same_phone")) {
            reasons.add(new DuplicateCandidate.Reason("same_phone_national_number", SAME_PHONE_NATIONAL));
        }
        if (r.getBoolean("same_email_local")) {
            reasons.add(new DuplicateCandidate.Reason("same_email_local_part", SAME_EMAIL_LOCAL));
        }
        if (r.getBoolean("same_ref")) {
            reasons.add(new DuplicateCandidate.Reason("same_external_ref", SAME_EXTERNAL_REF));
        }
        double unlikely = 1;
        for (DuplicateCandidate.Reason reason : reasons) {
            unlikely *= 1 - reason.score();
        }
        return new DuplicateCandidate(r.getUUID("id"), r.getString("name"), round(1 - unlikely), reasons);
    }

    /** Records that two customers are distinct people, so they are never suggested as duplicates again. */
    public Uni<Void> markDistinct(Actor actor, UUID id, UUID otherId) {
        if (otherId == null) {
            throw ProblemException.validation("customerId", "is required");
        }
        if (otherId.equals(id)) {
            throw ProblemException.validation("customerId", "must be another customer");
        }
        return pool.preparedQuery("select id from customer where tenant_id = $1 and id = any($2)")
                .execute(Tuple.of(actor.tenantId(), new UUID[] {id, otherId}))
                .chain(rows -> {
                    List<UUID> found = new ArrayList<>();
                    rows.forEach(r -> found.add(r.getUUID(0)));
                    UUID missing = !found.contains(id) ? id : !found.contains(otherId) ? otherId : null;
                    if (missing != null) {
                        return Uni.createFrom().failure(CustomerProblems.notFound(missing));
                    }
                    // least/greatest in SQL: PostgreSQL orders uuids as unsigned bytes, Java's compareTo does not
                    return pool.preparedQuery("insert into not_duplicate (tenant_id, customer_a, customer_b, decided_by)"
                                    + " values ($1, least($2::uuid, $3::uuid), greatest($2::uuid, $3::uuid), $4)"
                                    + " on conflict do nothing")
                            .execute(Tuple.of(actor.tenantId(), id, otherId, actor.userId())).replaceWithVoid();
                });
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
