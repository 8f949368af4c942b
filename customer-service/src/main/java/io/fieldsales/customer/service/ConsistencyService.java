package io.fieldsales.customer.service;

import io.fieldsales.customer.config.CustomerConfig;
import io.fieldsales.customer.domain.CanonicalEmail;
import io.fieldsales.customer.domain.CanonicalPhone;
import io.fieldsales.customer.domain.ContactCanonicalizer;
import io.fieldsales.customer.domain.InvalidContactException;
import io.fieldsales.customer.repository.ContactConsistency;
import io.fieldsales.platform.context.Actor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Checks that unique_contacts still tells the truth about a tenant's customers, and repairs what is safe: releases
 * orphaned reservations (or moves them to the survivor of a merged owner), reserves free contacts of active
 * customers, and re-derives canonical values when the new one is free. A contact another customer owns is never
 * taken away: that is listed as unresolved, for a person (usually a merge).
 */
@ApplicationScoped
public class ConsistencyService {

    private static final int PAGE = 1000;

    @Inject
    ContactConsistency contacts;

    @Inject
    CustomerConfig config;

    private final ContactCanonicalizer canonicalizer = new ContactCanonicalizer();

    public Uni<ConsistencyReport> check(Actor actor) {
        UUID tenant = actor.tenantId();
        return contacts.orphans(tenant, PAGE).chain(orphanRows -> {
            List<ConsistencyReport.Orphan> orphans = orphanRows.stream().map(o -> new ConsistencyReport.Orphan(
                    o.kind(), o.value(), o.customerId(), o.status(), o.survivorId())).toList();
            return contacts.unreserved(tenant, PAGE).chain(unreservedRows -> {
                List<ConsistencyReport.Unreserved> unreserved = unreservedRows.stream().map(u ->
                        new ConsistencyReport.Unreserved(u.customerId(), u.kind(), u.value(), u.ownerId())).toList();
                return mismatches(tenant, null, new ArrayList<>()).map(mismatches -> new ConsistencyReport(
                        Instant.now(), orphans, unreserved, mismatches));
            });
        });
    }

    /** Re-derives every active customer's canonical contacts, a page of ids at a time. */
    private Uni<List<ConsistencyReport.Mismatch>> mismatches(UUID tenant, UUID after,
            List<ConsistencyReport.Mismatch> found) {
        return contacts.activeContacts(tenant, after, PAGE).chain(rows -> {
            UUID last = null;
            String region = config.phoneRegion(tenant);
            for (ContactConsistency.StoredContacts r : rows) {
                last = r.id();
                check(last, "email", r.email(), r.emailCanonical(), region, found);
                check(last, "phone", r.phone(), r.phoneCanonical(), region, found);
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
            return contacts.inTransaction(conn -> {
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
            return contacts.moveReservation(conn, tenant, o.kind(), o.value(), o.customerId(), o.survivorId())
                    .invoke(() -> repaired.add(new RepairReport.Action("orphaned_reservation", o,
                            "moved to survivor " + o.survivorId())));
        }
        return contacts.release(conn, tenant, o.kind(), o.value(), o.customerId())
                .invoke(() -> repaired.add(new RepairReport.Action("orphaned_reservation", o, "released")));
    }

    private Uni<Void> repairUnreserved(SqlConnection conn, UUID tenant, ConsistencyReport.Unreserved u,
            List<RepairReport.Action> repaired, List<RepairReport.Action> unresolved) {
        return contacts.reserveForActive(conn, tenant, u.kind(), u.value(), u.customerId())
                .invoke(reserved -> (reserved ? repaired : unresolved).add(new RepairReport.Action(
                        "unreserved_contact", u, reserved ? "reserved"
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
        String derived = m.kind().equals("email") ? localPart(m.expected()) : national(m.expected());
        // take the new value if free, release the old one, then point the customer at the new value
        return contacts.reserve(conn, tenant, m.kind(), m.expected(), m.customerId()).chain(reserved -> {
            if (!reserved) {
                unresolved.add(new RepairReport.Action("canonical_mismatch", m,
                        "the corrected value belongs to another customer: merge them"));
                return Uni.createFrom().voidItem();
            }
            return contacts.release(conn, tenant, m.kind(), m.stored() == null ? "" : m.stored(), m.customerId())
                    .chain(() -> contacts.setCanonical(conn, tenant, m.customerId(), m.kind(), m.stored(),
                            m.expected(), derived, actor.userId()))
                    .invoke(() -> repaired.add(new RepairReport.Action("canonical_mismatch", m,
                            "re-derived and re-reserved")));
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
