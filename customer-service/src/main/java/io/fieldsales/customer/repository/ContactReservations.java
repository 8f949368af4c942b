package io.fieldsales.customer.repository;

import io.fieldsales.customer.domain.Contact;
import io.fieldsales.customer.domain.ContactKind;
import io.fieldsales.platform.db.SessionSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code unique_contacts}: who owns each canonical contact of a tenant, within the caller's transaction. The
 * primary key decides races: {@code insert ... on conflict do nothing} waits for a concurrent reservation of the
 * same contact to commit or roll back, then either takes the contact or leaves it to the winner. Its statements
 * go through {@link SessionSql}: no entity maps this table, so they need no flush of the session first.
 */
@ApplicationScoped
public class ContactReservations {

    /** A reservation and its owner. */
    public record Reservation(ContactKind kind, String canonicalValue, UUID customerId, UUID originCustomerId) {

        public Contact contact() {
            return new Contact(kind, canonicalValue);
        }
    }

    /** A contact that could not be reserved because another customer owns it. */
    public record Taken(Contact contact, UUID ownerId) {
    }

    /**
     * Reserves the contacts for a customer; all or nothing: if one is owned by another customer, the ones this
     * call reserved are released again and the conflict is returned.
     */
    public Uni<Optional<Taken>> reserveAll(UUID tenantId, List<Contact> contacts, UUID customerId) {
        return reserveFrom(tenantId, contacts, 0, customerId, new ArrayList<>());
    }

    private Uni<Optional<Taken>> reserveFrom(UUID tenantId, List<Contact> contacts, int index, UUID customerId,
            List<Contact> reserved) {
        if (index == contacts.size()) {
            return Uni.createFrom().item(Optional.empty());
        }
        Contact contact = contacts.get(index);
        return reserve(tenantId, contact, customerId).chain(owner -> {
            if (owner.isEmpty() || owner.get().equals(customerId)) {
                reserved.add(contact);
                return reserveFrom(tenantId, contacts, index + 1, customerId, reserved);
            }
            Taken taken = new Taken(contact, owner.get());
            return releaseEach(tenantId, reserved, customerId).replaceWith(Optional.of(taken));
        });
    }

    /** Reserves one contact; empty if it is now this customer's, otherwise the id of the customer owning it. */
    public Uni<Optional<UUID>> reserve(UUID tenantId, Contact contact, UUID customerId) {
        return SessionSql.update("insert into unique_contacts (tenant_id, kind, canonical_value, customer_id,"
                        + " origin_customer_id) values (?1, ?2, ?3, ?4, ?4) on conflict do nothing",
                        tenantId, contact.kind().dbValue(), contact.canonicalValue(), customerId)
                .chain(inserted -> inserted == 1
                        ? Uni.createFrom().item(Optional.<UUID>empty())
                        : ownerOf(tenantId, contact).chain(owner -> owner.isPresent()
                                ? Uni.createFrom().item(owner)
                                // the owner released it between our insert and our read: try again
                                : reserve(tenantId, contact, customerId)));
    }

    /** The customer owning the contact, if any. */
    public Uni<Optional<UUID>> ownerOf(UUID tenantId, Contact contact) {
        return SessionSql.rows("select customer_id from unique_contacts where tenant_id = ?1 and kind = ?2"
                        + " and canonical_value = ?3", tenantId, contact.kind().dbValue(), contact.canonicalValue())
                .map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of((UUID) rows.get(0)[0]));
    }

    /** Releases one contact if this customer owns it. */
    public Uni<Integer> release(UUID tenantId, Contact contact, UUID customerId) {
        return SessionSql.update("delete from unique_contacts where tenant_id = ?1 and kind = ?2"
                + " and canonical_value = ?3 and customer_id = ?4", tenantId, contact.kind().dbValue(),
                contact.canonicalValue(), customerId);
    }

    private Uni<Void> releaseEach(UUID tenantId, List<Contact> contacts, UUID customerId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Contact c : contacts) {
            chain = chain.chain(() -> release(tenantId, c, customerId)).replaceWithVoid();
        }
        return chain;
    }

    /** Releases every contact the customers own (delete, erase). */
    public Uni<Integer> releaseAllOf(UUID tenantId, Collection<UUID> customerIds) {
        return SessionSql.update("delete from unique_contacts where tenant_id = ?1 and customer_id = any(?2)",
                tenantId, customerIds.toArray(UUID[]::new));
    }

    /** The reservations the customers own, in a stable order. */
    public Uni<List<Reservation>> ownedBy(UUID tenantId, Collection<UUID> customerIds) {
        return SessionSql.rows("select kind, canonical_value, customer_id, origin_customer_id from unique_contacts"
                        + " where tenant_id = ?1 and customer_id = any(?2) order by customer_id, kind, canonical_value",
                        tenantId, customerIds.toArray(UUID[]::new))
                .map(rows -> rows.stream().map(r -> new Reservation(ContactKind.fromDb((String) r[0]), (String) r[1],
                        (UUID) r[2], (UUID) r[3])).toList());
    }

    /** Moves every reservation of the sources to the survivor (merge). */
    public Uni<Integer> moveAll(UUID tenantId, Collection<UUID> fromIds, UUID toId) {
        return SessionSql.update("update unique_contacts set customer_id = ?1 where tenant_id = ?2"
                + " and customer_id = any(?3)", toId, tenantId, fromIds.toArray(UUID[]::new));
    }
}
