package io.fieldsales.customer.repository;

import io.fieldsales.customer.domain.Contact;
import io.fieldsales.customer.domain.Customer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk writes for the import on the plain reactive client: set-based reservations and pipelined batches of
 * prepared inserts, a few round trips per chunk instead of several per row (Hibernate Reactive cannot pipeline).
 * Everything runs on the caller's connection, inside its transaction.
 */
@ApplicationScoped
public class CustomerBulkWriter {

    /** A contact to reserve for a customer. */
    public record Claim(Contact contact, UUID customerId) {
    }

    /**
     * Reserves the contacts that are free, in (kind, value) order so that concurrent imports lock in one order;
     * returns the claims that were taken.
     */
    public Uni<List<Claim>> reserveFree(SqlConnection conn, UUID tenantId, List<Claim> claims) {
        if (claims.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Claim> sorted = new ArrayList<>(claims);
        sorted.sort(Comparator.comparing((Claim c) -> c.contact().kind().dbValue())
                .thenComparing(c -> c.contact().canonicalValue()));
        return conn.preparedQuery("insert into unique_contacts (tenant_id, kind, canonical_value, customer_id,"
                        + " origin_customer_id) select $1, k, v, c, c from unnest($2::text[], $3::text[], $4::uuid[])"
                        + " with ordinality as t(k, v, c, n) order by n on conflict do nothing"
                        + " returning kind, canonical_value, customer_id")
                .execute(Tuple.of(tenantId,
                        sorted.stream().map(c -> c.contact().kind().dbValue()).toArray(String[]::new),
                        sorted.stream().map(c -> c.contact().canonicalValue()).toArray(String[]::new),
                        sorted.stream().map(Claim::customerId).toArray(UUID[]::new)))
                .map(rows -> {
                    List<Claim> taken = new ArrayList<>();
                    for (Row r : rows) {
                        taken.add(new Claim(new Contact(io.fieldsales.customer.domain.ContactKind.fromDb(r.getString(0)),
                                r.getString(1)), r.getUUID(2)));
                    }
                    return taken;
                });
    }

    /** Releases every reservation held by these (not created after all) customers. */
    public Uni<Void> releaseAll(SqlConnection conn, UUID tenantId, List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("delete from unique_contacts where tenant_id = $1 and customer_id = any($2)")
                .execute(Tuple.of(tenantId, customerIds.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** Owners of the contacts, following merges to the survivor. */
    public Uni<Map<Contact, UUID>> owners(SqlConnection conn, UUID tenantId, List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return conn.preparedQuery("select u.kind, u.canonical_value, coalesce(c.merged_into, u.customer_id)"
                        + " from unique_contacts u join unnest($2::text[], $3::text[]) as k(kind, value)"
                        + " on u.kind = k.kind and u.canonical_value = k.value"
                        + " join customer c on c.id = u.customer_id where u.tenant_id = $1")
                .execute(Tuple.of(tenantId, contacts.stream().map(c -> c.kind().dbValue()).toArray(String[]::new),
                        contacts.stream().map(Contact::canonicalValue).toArray(String[]::new)))
                .map(rows -> {
                    Map<Contact, UUID> owners = new HashMap<>();
                    for (Row r : rows) {
                        owners.put(new Contact(io.fieldsales.customer.domain.ContactKind.fromDb(r.getString(0)),
                                r.getString(1)), r.getUUID(2));
                    }
                    return owners;
                });
    }

    /** Inserts new customers in one pipelined batch. */
    public Uni<Void> insertCustomers(SqlConnection conn, List<Customer> customers) {
        if (customers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>();
        for (Customer c : customers) {
            batch.add(Tuple.from(java.util.Arrays.asList(c.id, c.tenantId, c.name, c.email, c.phone, c.emailCanonical,
                    c.emailLocal, c.phoneCanonical, c.phoneNational, c.externalRef, c.addressLines, c.addressCity,
                    c.addressPostalCode, c.addressCountry, c.tags, c.createdAt.atOffset(ZoneOffset.UTC),
                    c.createdBy)));
        }
        return conn.preparedQuery("insert into customer (id, tenant_id, name, email, phone, email_canonical,"
                        + " email_local, phone_canonical, phone_national, external_ref, address_lines, address_city,"
                        + " address_postal_code, address_country, tags, status, version, created_at, created_by,"
                        + " updated_at, updated_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
                        + " $14, $15, 'ACTIVE', 0, $16, $17, $16, $17)")
                .executeBatch(batch).replaceWithVoid();
    }

    /** History rows of created customers, one pipelined batch. */
    public Uni<Void> insertHistory(SqlConnection conn, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("insert into customer_history (id, tenant_id, customer_id, version, action,"
                        + " changed_by, request_id, changes) values ($1, $2, $3, 0, 'created', $4, $5, $6::jsonb)")
                .executeBatch(rows).replaceWithVoid();
    }

    /**
     * Outbox rows of created customers, one pipelined batch: the same table and columns the platform's Outbox
     * writes, so the relay publishes them like any other event.
     */
    public Uni<Void> insertOutbox(SqlConnection conn, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("insert into outbox (id, tenant_id, aggregate_type, aggregate_id, event_type,"
                        + " topic, payload, actor_id, request_id, traceparent)"
                        + " values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)")
                .executeBatch(rows).replaceWithVoid();
    }

}
