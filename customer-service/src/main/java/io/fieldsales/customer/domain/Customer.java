package io.fieldsales.customer.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A customer of a tenant (table {@code customer}). Its canonical contact columns always derive from the raw ones
 * through {@link ContactCanonicalizer}; which customer owns a contact is decided by {@code unique_contacts}.
 * The {@code merge_conflicts} column is written by SQL only (see CustomerRepository).
 */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;
    @Column(nullable = false)
    public String name;
    public String email;
    public String phone;
    @Column(name = "email_canonical")
    public String emailCanonical;
    @Column(name = "email_local")
    public String emailLocal;
    @Column(name = "phone_canonical")
    public String phoneCanonical;
    @Column(name = "phone_national")
    public String phoneNational;
    @Column(name = "external_ref")
    public String externalRef;
    @Column(name = "address_lines", nullable = false)
    public String[] addressLines = new String[0];
    @Column(name = "address_city")
    public String addressCity;
    @Column(name = "address_postal_code")
    public String addressPostalCode;
    @Column(name = "address_country")
    public String addressCountry;
    @Column(nullable = false)
    public String[] tags = new String[0];
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CustomerStatus status = CustomerStatus.ACTIVE;
    @Column(name = "merged_into")
    public UUID mergedInto;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Column(name = "deleted_by")
    public String deletedBy;

    /** Sets every person-given field (and the canonical contacts) from validated values. */
    public void apply(ValidCustomer valid) {
        name = valid.name();
        email = valid.email();
        emailCanonical = valid.canonicalEmail() == null ? null : valid.canonicalEmail().value();
        emailLocal = valid.canonicalEmail() == null ? null : valid.canonicalEmail().localPart();
        phone = valid.phone();
        phoneCanonical = valid.canonicalPhone() == null ? null : valid.canonicalPhone().e164();
        phoneNational = valid.canonicalPhone() == null ? null : valid.canonicalPhone().nationalNumber();
        externalRef = valid.externalRef();
        addressLines = valid.address().lines().toArray(String[]::new);
        addressCity = valid.address().city();
        addressPostalCode = valid.address().postalCode();
        addressCountry = valid.address().country();
        tags = valid.tags().toArray(String[]::new);
    }

    /** The person-given fields, as a PATCH or a merge starts from them. */
    public CustomerDetails details() {
        return new CustomerDetails(name, email, phone, externalRef, address(), tagList());
    }

    public Address address() {
        return new Address(Arrays.asList(addressLines), addressCity, addressPostalCode, addressCountry);
    }

    public List<String> tagList() {
        return List.of(tags);
    }

    /** The contacts this customer should own while ACTIVE (its own email and phone). */
    public List<Contact> ownContacts() {
        if (emailCanonical != null && phoneCanonical != null) {
            return List.of(new Contact(ContactKind.EMAIL, emailCanonical), new Contact(ContactKind.PHONE, phoneCanonical));
        }
        if (emailCanonical != null) {
            return List.of(new Contact(ContactKind.EMAIL, emailCanonical));
        }
        return phoneCanonical == null ? List.of() : List.of(new Contact(ContactKind.PHONE, phoneCanonical));
    }

    public boolean isActive() {
        return status == CustomerStatus.ACTIVE;
    }

    public void touch(String actor, Instant at) {
        updatedAt = at;
        updatedBy = actor;
    }
}
