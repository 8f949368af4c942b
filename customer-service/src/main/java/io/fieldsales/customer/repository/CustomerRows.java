package io.fieldsales.customer.repository;

import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.domain.CustomerStatus;
import io.vertx.mutiny.sqlclient.Row;

/** Maps {@code customer} rows read with the plain reactive client to (unmanaged) {@link Customer} objects. */
final class CustomerRows {

    static final String COLUMNS = "id, tenant_id, name, email, phone, email_canonical, email_local, phone_canonical,"
            + " phone_national, external_ref, address_lines, address_city, address_postal_code, address_country, tags,"
            + " status, merged_into, version, created_at, created_by, updated_at, updated_by, deleted_at, deleted_by";

    private CustomerRows() {
    }

    static Customer from(Row row) {
        Customer c = new Customer();
        c.id = row.getUUID("id");
        c.tenantId = row.getUUID("tenant_id");
        c.name = row.getString("name");
        c.email = row.getString("email");
        c.phone = row.getString("phone");
        c.emailCanonical = row.getString("email_canonical");
        c.emailLocal = row.getString("email_local");
        c.phoneCanonical = row.getString("phone_canonical");
        c.phoneNational = row.getString("phone_national");
        c.externalRef = row.getString("external_ref");
        c.addressLines = row.getArrayOfStrings("address_lines");
        c.addressCity = row.getString("address_city");
        c.addressPostalCode = row.getString("address_postal_code");
        c.addressCountry = row.getString("address_country");
        c.tags = row.getArrayOfStrings("tags");
        c.status = CustomerStatus.valueOf(row.getString("status"));
        c.mergedInto = row.getUUID("merged_into");
        c.version = row.getLong("version");
        c.createdAt = row.getOffsetDateTime("created_at").toInstant();
        c.createdBy = row.getString("created_by");
        c.updatedAt = row.getOffsetDateTime("updated_at").toInstant();
        c.updatedBy = row.getString("updated_by");
        c.deletedAt = row.getOffsetDateTime("deleted_at") == null ? null : row.getOffsetDateTime("deleted_at").toInstant();
        c.deletedBy = row.getString("deleted_by");
        return c;
    }
}
