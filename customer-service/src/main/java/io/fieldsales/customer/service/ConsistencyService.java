package io.fieldsales.customer.service;

import io.fieldsales.customer.config.CustomerConfig;
import io.fieldsales.customer.domain.CanonicalEmail;
import io.fieldsales.customer.domain.CanonicalPhone;
import io.fieldsales.customer.domain.ContactCanonicalizer;
import io.fieldsales.customer.domain.InvalidContactException;
import io.fieldsales.platform.context.Actor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks that unique_contacts still tells the truth about a tenant's customers, and repairs what is safe: releases
 * orphaned reservations (or moves them to the survivor of a merged owner), reserves free contacts of active
 * customers, and re-derives canonical values when the new one is free. A contact another customer owns is never
 * taken away: that is listed as unresolved, for a person (usually a merge).
 */
@ApplicationScoped
public class ConsistencyService {

    private static final String ORPHANS = "select u.kind, u.canonical_value, u.customer_id, c.status,"
            + " s.id as survivor_id from unique_contacts u"
            + " left join customer c on c.id = u.customer_id and c.tenant_id = u.tenant_id"
            + " left join customer s on s.id = c.merged_into and s.tenant_id = u.tenant_id and s.status = 'ACTIVE'"
            + " where u.tenant_id = $1 and (c.id is null or c.status <> 'ACTIVE')"
            + " order by u.kind, u.canonical_value limit 1000";
    private static final String UNRESERVED = "select c.id, k.kind, k.value, u.customer_id from customer c"
            + " cross join lateral (values ('email', c.email_canonical), ('phone', c.phone_canonical)) as k(kind, value)"
            + " left join unique_contacts u on u.tenant_id = c.tenant_id and u.kind = k.kind"
            + "   and u.canonical_value = k.value"
            + " where c.tenant_id = $1 and c.status = 'ACTIVE' and k.value is not null"
            + "   and u.customer_id is distinct from c.id"
            + " order by c.id, k.kind limit 1000";
    private static final int PAGE = 1000;

    @Inject
    Pool pool;

    @Inject
    CustomerConfig config;

    private final ContactCanonicalizer canonicalizer = new ContactCanonicalizer();

    public Uni<ConsistencyReport> check(Actor actor) {
        UUID tenant = actor.tenantId();
        return pool.preparedQuery(ORPHANS).execute(Tuple.of(tenant)).chain(orphanRows -> {
            List<ConsistencyReport.Orphan> orphans = new ArrayList<>();
            for (Row r : orphanRows) {
                orphans.add(new ConsistencyReport.Orphan(r.getString(0), r.getString(1), r.getUUID(2), r.getString(3),
                        r.getUUID(4)));
            }
            return pool.preparedQuery(UNRESERVED).execute(Tuple.of(tenant)).chain(unreservedRows -> {
                List<ConsistencyReport.Unreserved> unreserved = new ArrayList<>();
                for (Row r : unreservedRows) {
                    unreserved.add(new ConsistencyReport.Unreserved(r.getUUID(0), r.getString(1), r.getString(2),
                            r.getUUID(3)));
                }
                return mismatches(tenant, null, new ArrayList<>()).map(mismatches -> new ConsistencyReport(
                        Instant.now(), orphans, unreserved, mismatches));
            });
        });
    }

    /** Re-derives every active customer's canonical contacts, a page of ids at a time. */
    private Uni<List<ConsistencyReport.Mismatch>> mismatches(UUID tenant, UUID after,
            List<ConsistencyReport.Mismatch> found) {
        return pool.preparedQuery("select id, email, email_canonical, phone, phone_canonical from customer"
                        + " where tenant_id = $1 and status = 'ACTIVE' and ($2::uuid is null or id > $2)"
                        + " order by id limit " + PAGE)
                .execute(Tuple.of(tenant, after))
                .chain(rows -> {
                    UUID last = null;
                    String region = config.phoneRegion(tenant);
                    for (Row r : rows) {
                        last = r.getUUID(0);
                        check(last, "email", r.getString(1), r.getString(2), region, found);
                        check(last, "phone", r.getString(3), r.getString(4), region, found);
                    }
                    return rows.size() < PAGE || found.size() >= PAGE ? Uni.createFrom().item(found)
                            : mismatches(tenant, last, found);
                });
    }

    private void check(UUID id, String kind, String raw, String stored, String region,
            List<ConsistencyReport.Mismatch> found) {
        if (raw == null) {
            if (stored != null) {
                found.add(new ConsistencyReport.Mismatch(id, kind, stored, null, "canonical value without a raw one"));
            }
            return;
        }
        try {
            String expected = kind.equals("email") ? canonicalizer.email(raw).value() : canonicalizer.phone(raw, region).e164();
            if (!expected.equals(stored)) {
                found.add(new ConsistencyReport.Mismatch(id, kind, stored, expected, "derived differently today"));
            }
        } catch (InvalidContactException e) {
            found.add(new ConsistencyReport.Mismatch(id, kind, stored, null, "no longer valid: " + e.getMessage()));
        }
    }

    /** Fixes what is safe in one transaction, then checks again. */
    public Uni<RepairReport> repair(Actor actor) {
        UUID tenant = actor.tenantId();
        return check(actor).chain(before -> {
            List<RepairReport.Action> repaired = new ArrayList<>();
            List<RepairReport.Action> unresolved = new ArrayList<>();
            return pool.withTransaction(conn -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (ConsistencyReport.Orphan o : before.orphanedReservations()) {
                    chain = chain.chain(() -> repairOrphan(conn, tenant, o, repaired));
                }
                for (ConsistencyReport.Mismatch m : before.canonicalMismatches()) {
                    chain = chain.chain(() -> repairMismatch(conn, actor, m, repaired, unresolved));
                }
                for (ConsistencyReport.Unreserved u : before.unreservedContacts()) {
                    chain = chain.chain(() -> repairUnreserved(conn, tenant, u, repaired, unresolved));
                }
                return chain;
            }).chain(() -> check(actor)).map(after -> new RepairReport(repaired, unresolved, after));
        });
    }

    private Uni<Void> repairOrphan(SqlConnection conn, UUID tenant, ConsistencyReport.Orphan o,
            List<RepairReport.Action> repaired) {
        if (o.survivorId() != null) {
            return conn.preparedQuery("update unique_contacts set customer_id = $4 where tenant_id = $1 and kind = $2"
                            + " and canonical_value = $3 and customer_id = $5")
                    .execute(Tuple.of(tenant, o.kind(), o.value(), o.survivorId(), o.customerId()))
                    .invoke(r -> repaired.add(new RepairReport.Action("orphaned_reservation", o,
                            "moved to survivor " + o.survivorId())))
                    .replaceWithVoid();
        }
        return conn.preparedQuery("delete from unique_contacts where tenant_id = $1 and kind = $2"
                        + " and canonical_value = $3 and customer_id = $4")
                .execute(Tuple.of(tenant, o.kind(), o.value(), o.customerId()))
                .invoke(r -> repaired.add(new RepairReport.Action("orphaned_reservation", o, "released")))
                .replaceWithVoid();
    }

    private Uni<Void> repairUnreserved(SqlConnection conn, UUID tenant, ConsistencyReport.Unreserved u,
            List<RepairReport.Action> repaired, List<RepairReport.Action> unresolved) {
        return conn.preparedQuery("insert into unique_contacts (tenant_id, kind, canonical_value, customer_id,"
                        + " origin_customer_id) select $1, $2, $3, id, id from customer where tenant_id = $1 and id = $4"
                        + " and status = 'ACTIVE' on conflict do nothing")
                .execute(Tuple.of(tenant, u.kind(), u.value(), u.customerId()))
                .invoke(r -> (r.rowCount() == 1 ? repaired : unresolved).add(new RepairReport.Action(
                        "unreserved_contact", u, r.rowCount() == 1 ? "reserved"
                                : "owned by another customer: merge them or change one of the contacts")))
                .replaceWithVoid();
    }

    private Uni<Void> repairMismatch(SqlConnection conn, Actor actor, ConsistencyReport.Mismatch m,
            List<RepairReport.Action> repaired, List<RepairReport.Action> unresolved) {
        if (m.expected() == null) {
            unresolved.add(new RepairReport.Action("canonical_mismatch", m,
                    "the stored contact is no longer valid: a person must correct it"));
            return Uni.createFrom().voidItem();
        }
        UUID tenant = actor.tenantId();
        String column = m.kind().equals("email") ? "email_canonical" : "phone_canonical";
        String derived = m.kind().equals("email") ? "email_local = $5" : "phone_national = $5";
        String extra = m.kind().equals("email") ? localPart(m.expected()) : national(m.expected());
        // take the new value if free, release the old one, then point the customer at the new value
        return conn.preparedQuery("insert into unique_contacts (tenant_id, kind, canonical_value, customer_id,"
                        + " origin_customer_id) values ($1, $2, $3, $4, $4) on conflict do nothing")
                .execute(Tuple.of(tenant, m.kind(), m.expected(), m.customerId()))
                .chain(inserted -> {
                    if (inserted.rowCount() == 0) {
                        unresolved.add(new RepairReport.Action("canonical_mismatch", m,
                                "the corrected value belongs to another customer: merge them"));
                        return Uni.createFrom().voidItem();
                    }
                    return conn.preparedQuery("delete from unique_contacts where tenant_id = $1 and kind = $2"
                                    + " and canonical_value = $3 and customer_id = $4")
                            .execute(Tuple.of(tenant, m.kind(), m.stored() == null ? "" : m.stored(), m.customerId()))
                            .chain(() -> conn.preparedQuery("update customer set " + column + " = $3, " + derived
                                            + ", version = version + 1, updated_at = now(), updated_by = $4"
                                            + " where tenant_id = $1 and id = $2")
                                    .execute(Tuple.of(tenant, m.customerId(), m.expected(), actor.userId(), extra)))
                            .chain(() -> conn.preparedQuery("insert into customer_history (id, tenant_id, customer_id,"
                                            + " version, action, changed_by, changes) select $1, tenant_id, id, version,"
                                            + " 'repaired', $2, $3::text::jsonb from customer where tenant_id = $4 and id = $5")
                                    .execute(Tuple.of(UUID.randomUUID(), actor.userId(), io.vertx.core.json.JsonObject
                                            .of(m.kind() + "Canonical", Map.of("from", String.valueOf(m.stored()),
                                                    "to", m.expected())).encode(), tenant, m.customerId())))
                            .invoke(() -> repaired.add(new RepairReport.Action("canonical_mismatch", m,
                                    "re-derived and re-reserved")))
                            .replaceWithVoid();
                });
    }

    private String localPart(String email) {
        CanonicalEmail e = canonicalizer.email(email);
        return e.localPart();
    }

    private String national(String e164) {
        CanonicalPhone p = canonicalizer.phone(e164, config.defaultRegion());
        return p.nationalNumber();
    }
}
