package io.fieldsales.customer.repository;

import io.fieldsales.customer.domain.Contact;
import io.fieldsales.customer.domain.ContactClaim;
import io.fieldsales.customer.domain.Customer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Bulk writes for the import on the plain reactive client: set-based statements ({@code unnest} of arrays), a few
 * round trips per chunk of rows instead of several per row (Hibernate Reactive cannot batch or pipeline).
 * Everything runs on the caller's connection, inside its transaction.
 */
@ApplicationScoped
public class CustomerBulkWriter {

    @Inject
    Pool pool;

    /**
     * Runs one chunk's work in a transaction of its own connection: committed, or rolled back when
     * {@code rollbackOnly} (a dry run) or when the work fails.
     */
    public <T> Uni<T> inChunkTransaction(boolean rollbackOnly, Function<SqlConnection, Uni<T>> work) {
        return pool.getConnection().chain(conn -> conn.begin().chain(tx -> work.apply(conn)
                        .call(() -> rollbackOnly ? tx.rollback() : tx.commit())
                        .onFailure().call(f -> tx.rollback().onFailure().recoverWithNull()))
                .eventually(conn::close));
    }

    /**
     * Reserves the contacts that are free, in (kind, value) order so that concurrent imports lock in one order;
     * returns the claims that were taken.
     */
    public Uni<List<ContactClaim>> reserveFree(SqlConnection conn, UUID tenantId, List<ContactClaim> claims) {
        if (claims.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<ContactClaim> sorted = new ArrayList<>(claims);
        sorted.sort(Comparator.comparing((ContactClaim c) -> c.contact().kind().dbValue())
                .thenComparing(c -> c.contact().canonicalValue()));
        return conn.preparedQuery("insert into unique_contacts (tenant_id, kind, canonical_value, customer_id,"
                        + " origin_customer_id) select $1, k, v, c, c from unnest($2::text[], $3::text[], $4::uuid[])"
                        + " with ordinality as t(k, v, c, n) order by n on conflict do nothing"
                        + " returning kind, canonical_value, customer_id")
                .execute(Tuple.of(tenantId,
                        sorted.stream().map(c -> c.contact().kind().dbValue()).toArray(String[]::new),
                        sorted.stream().map(c -> c.contact().canonicalValue()).toArray(String[]::new),
                        sorted.stream().map(ContactClaim::customerId).toArray(UUID[]::new)))
                .map(rows -> {
                    List<ContactClaim> taken = new ArrayList<>();
                    for (Row r : rows) {
                        taken.add(new ContactClaim(new Contact(io.fieldsales.customer.domain.ContactKind.fromDb(r.getString(0)),
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

    /**
     * Inserts new customers (all created by one actor at one instant) in one set-based statement. Array columns
     * travel as JSON text, since unnest cannot carry arrays of arrays.
     */
    public Uni<Void> insertCustomers(SqlConnection conn, UUID tenantId, String actor, java.time.Instant at,
            List<Customer> customers, com.fasterxml.jackson.databind.ObjectMapper json) {
        if (customers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = customers.size();
        UUID[] ids = new UUID[n];
        String[][] text = new String[13][n];
        for (int i = 0; i < n; i++) {
            Customer c = customers.get(i);
            ids[i] = c.id;
            String[] row = {c.name, c.email, c.phone, c.emailCanonical, c.emailLocal, c.phoneCanonical, c.phoneNational,
                    c.externalRef, jsonArray(json, c.addressLines), c.addressCity, c.addressPostalCode, c.addressCountry,
                    jsonArray(json, c.tags)};
            for (int col = 0; col < row.length; col++) {
                text[col][i] = row[col];
            }
        }
        List<Object> params = new ArrayList<>(List.of(tenantId, at.atOffset(ZoneOffset.UTC), actor, ids));
        params.addAll(java.util.Arrays.asList((Object[]) text));
        return conn.preparedQuery("insert into customer (id, tenant_id, name, email, phone, email_canonical,"
                        + " email_local, phone_canonical, phone_national, external_ref, address_lines, address_city,"
                        + " address_postal_code, address_country, tags, status, version, created_at, created_by,"
                        + " updated_at, updated_by)"
                        + " select t.id, $1, t.name, t.email, t.phone, t.ec, t.el, t.pc, t.pn, t.ref,"
                        + " array(select jsonb_array_elements_text(t.lines::jsonb)), t.city, t.postal, t.country,"
                        + " array(select jsonb_array_elements_text(t.tags::jsonb)), 'ACTIVE', 0, $2, $3, $2, $3"
                        + " from unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],"
                        + " $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],"
                        + " $17::text[]) as t(id, name, email, phone, ec, el, pc, pn, ref, lines, city, postal, country,"
                        + " tags)")
                .execute(Tuple.from(params)).replaceWithVoid();
    }

    /** History rows ('created', version 0) of new customers, one statement. */
    public Uni<Void> insertHistory(SqlConnection conn, UUID tenantId, String actor, String requestId,
            List<UUID> customerIds, List<String> changesJson) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = customerIds.stream().map(x -> UUID.randomUUID()).toArray(UUID[]::new);
        return conn.preparedQuery("insert into customer_history (id, tenant_id, customer_id, version, action,"
                        + " changed_by, request_id, changes) select t.id, $1, t.customer_id, 0, 'created', $2, $3,"
                        + " t.changes::jsonb from unnest($4::uuid[], $5::uuid[], $6::text[]) as t(id, customer_id, changes)")
                .execute(Tuple.from(java.util.Arrays.asList(tenantId, actor, requestId, ids,
                        customerIds.toArray(UUID[]::new), changesJson.toArray(String[]::new))))
                .replaceWithVoid();
    }

    private static String jsonArray(com.fasterxml.jackson.databind.ObjectMapper json, String[] values) {
        try {
            return json.writeValueAsString(values == null ? new String[0] : values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
