package io.fieldsales.customer.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * How one chunk of import rows is written, decided in pure steps around the database's two answers; immutable,
 * so a retried transaction replays the same plan.
 * <ol>
 * <li>{@link #of}: a row whose contact an earlier chunk of the file resolved ends there; a row sharing a contact
 * with an earlier new row of this chunk is that row's dependent; the rest are fresh and {@link #claims} their
 * contacts.</li>
 * <li>{@link #reserve}: given the claims the database granted, a fresh row with all its claims is created, the
 * others are blocked (someone else holds a contact) and release what they got.</li>
 * <li>{@link #settle}: given the owners of the blocked rows' contacts, every row gets its outcome, and the file's
 * contact-to-customer map moves on for the next chunk.</li>
 * </ol>
 */
public final class ImportChunkPlan {

    private final List<ImportRowOutcome> resolvedInFile;
    private final List<ImportCandidate> fresh;
    private final Map<ImportCandidate, ImportCandidate> dependents;
    private final Map<Contact, UUID> seenInFile;

    private ImportChunkPlan(List<ImportRowOutcome> resolvedInFile, List<ImportCandidate> fresh,
            Map<ImportCandidate, ImportCandidate> dependents, Map<Contact, UUID> seenInFile) {
        this.resolvedInFile = List.copyOf(resolvedInFile);
        this.fresh = List.copyOf(fresh);
        this.dependents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dependents));
        this.seenInFile = Map.copyOf(seenInFile);
    }

    /** Plans the chunk's candidates given the contacts earlier chunks of the file resolved. */
    public static ImportChunkPlan of(List<ImportCandidate> candidates, Map<Contact, UUID> seenInFile) {
        List<ImportRowOutcome> resolved = new ArrayList<>();
        List<ImportCandidate> fresh = new ArrayList<>();
        Map<ImportCandidate, ImportCandidate> dependents = new LinkedHashMap<>();
        Map<Contact, ImportCandidate> claimedHere = new HashMap<>();
        for (ImportCandidate c : candidates) {
            UUID earlier = first(c, seenInFile);
            if (earlier != null) {
                resolved.add(new ImportRowOutcome(c.row(), ImportRowOutcome.Kind.RESOLVED, earlier));
                continue;
            }
            ImportCandidate firstClaimer = first(c, claimedHere);
            if (firstClaimer != null) {
                dependents.put(c, firstClaimer);
                continue;
            }
            c.valid().contacts().forEach(contact -> claimedHere.put(contact, c));
            fresh.add(c);
        }
        return new ImportChunkPlan(resolved, fresh, dependents, seenInFile);
    }

    /** The contacts to reserve: every contact of every fresh row, for that row's new customer. */
    public List<ContactClaim> claims() {
        List<ContactClaim> claims = new ArrayList<>();
        for (ImportCandidate c : fresh) {
            for (Contact contact : c.valid().contacts()) {
                claims.add(new ContactClaim(contact, c.newId()));
            }
        }
        return claims;
    }

    /** The fresh rows split by whether the database granted all their claims. */
    public record Reservation(List<ImportCandidate> toCreate, List<ImportCandidate> blocked) {

        /** New ids of the blocked rows, whose partial reservations must be released. */
        public List<UUID> blockedIds() {
            return blocked.stream().map(ImportCandidate::newId).toList();
        }

        /** Contacts of the blocked rows, whose owners decide where those rows end. */
        public List<Contact> blockedContacts() {
            return blocked.stream().flatMap(c -> c.valid().contacts().stream()).toList();
        }
    }

    public Reservation reserve(Collection<ContactClaim> taken) {
        Set<ContactClaim> granted = new HashSet<>(taken);
        List<ImportCandidate> toCreate = new ArrayList<>();
        List<ImportCandidate> blocked = new ArrayList<>();
        for (ImportCandidate c : fresh) {
            boolean all = c.valid().contacts().stream()
                    .allMatch(contact -> granted.contains(new ContactClaim(contact, c.newId())));
            (all ? toCreate : blocked).add(c);
        }
        return new Reservation(List.copyOf(toCreate), List.copyOf(blocked));
    }

    /** Every row's outcome, the rows to insert, and the file's contacts resolved so far (for the next chunk). */
    public record Outcome(List<ImportRowOutcome> rows, List<ImportCandidate> created, Map<Contact, UUID> seenInFile) {
    }

    public Outcome settle(Reservation reservation, Map<Contact, UUID> ownersOfBlocked) {
        List<ImportRowOutcome> rows = new ArrayList<>(resolvedInFile);
        Map<Contact, UUID> seen = new HashMap<>(seenInFile);
        Map<ImportCandidate, UUID> endedAt = new HashMap<>();
        for (ImportCandidate c : reservation.blocked()) {
            UUID owner = first(c, ownersOfBlocked);
            endedAt.put(c, owner);
            rows.add(ImportRowOutcome.resolvedTo(c.row(), owner));
            if (owner != null) {
                c.valid().contacts().forEach(contact -> seen.put(contact, owner));
            }
        }
        for (ImportCandidate c : reservation.toCreate()) {
            rows.add(new ImportRowOutcome(c.row(), ImportRowOutcome.Kind.CREATED, c.newId()));
            c.valid().contacts().forEach(contact -> seen.put(contact, c.newId()));
            endedAt.put(c, c.newId());
        }
        dependents.forEach((c, firstClaimer) -> {
            UUID owner = endedAt.get(firstClaimer);
            rows.add(ImportRowOutcome.resolvedTo(c.row(), owner));
            if (owner != null) {
                c.valid().contacts().forEach(contact -> seen.putIfAbsent(contact, owner));
            }
        });
        return new Outcome(List.copyOf(rows), reservation.toCreate(), seen);
    }

    private static <T> T first(ImportCandidate c, Map<Contact, T> byContact) {
        return c.valid().contacts().stream().map(byContact::get).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
