package io.fieldsales.customer.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the consistency check found in a tenant's contact ownership:
 * <ul>
 *   <li>{@code orphanedReservations}: reservations whose owner is missing or not ACTIVE;</li>
 *   <li>{@code unreservedContacts}: active customers' own contacts that they do not own in unique_contacts
 *       ({@code ownerId} is who owns it instead, if anyone);</li>
 *   <li>{@code canonicalMismatches}: stored canonical values that today's rules derive differently (or reject).</li>
 * </ul>
 */
public record ConsistencyReport(Instant checkedAt, List<Orphan> orphanedReservations, List<Unreserved> unreservedContacts,
        List<Mismatch> canonicalMismatches) {

    public record Orphan(String kind, String value, UUID customerId, String customerStatus, UUID survivorId) {
    }

    public record Unreserved(UUID customerId, String kind, String value, UUID ownerId) {
    }

    public record Mismatch(UUID customerId, String kind, String stored, String expected, String problem) {
    }

    public boolean isConsistent() {
        return orphanedReservations.isEmpty() && unreservedContacts.isEmpty() && canonicalMismatches.isEmpty();
    }
}
