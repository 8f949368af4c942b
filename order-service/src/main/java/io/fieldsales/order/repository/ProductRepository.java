package io.fieldsales.order.repository;

import static io.fieldsales.order.repository.SqlValues.*;

import io.fieldsales.order.domain.Product;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The tenant's catalog ({@code product}); {@code product_sku_unique} decides who owns a sku. */
@ApplicationScoped
public class ProductRepository {

    public static final String SKU_UNIQUE = "product_sku_unique";
    static final String COLUMNS = "id, sku, name, unit_price, currency, tax_rate, active, cast(array_to_json(tags) as text),"
            + " version, created_at, updated_at";

    @Inject
    Sql sql;

    public Uni<Product> insert(UUID tenant, Product p) {
        return sql.update("insert into product (id, tenant_id, sku, name, unit_price, currency, tax_rate, active, tags)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, array(select jsonb_array_elements_text("
                        + "cast(cast(?9 as text) as jsonb))))",
                p.id(), tenant, p.sku(), p.name(), p.unitPrice(), p.currency(), p.taxRate(), p.active(), json(p.tags()))
                .chain(() -> find(tenant, p.id()));
    }

    public Uni<Product> find(UUID tenant, UUID id) {
        return sql.row("select " + COLUMNS + " from product where tenant_id = ?1 and id = ?2", tenant, id)
                .map(r -> r == null ? null : from(r));
    }

    public Uni<List<Product>> findBySkus(UUID tenant, Collection<String> skus) {
        return sql.rows("select " + COLUMNS + " from product where tenant_id = ?1 and sku in (select"
                        + " jsonb_array_elements_text(cast(cast(?2 as text) as jsonb)))", tenant, json(skus))
                .map(rows -> rows.stream().map(ProductRepository::from).toList());
    }

    /** A page in sku order after {@code afterSku}. */
    public Uni<List<Product>> list(UUID tenant, String afterSku, String tag, Boolean active, int limit) {
        return sql.rows("select " + COLUMNS + " from product where tenant_id = ?1 and sku > ?2"
                        + " and (cast(?3 as text) is null or cast(?3 as text) = any(tags))"
                        + " and (cast(?4 as boolean) is null or active = cast(?4 as boolean)) order by sku limit ?5",
                tenant, afterSku == null ? "" : afterSku, tag, active, limit)
                .map(rows -> rows.stream().map(ProductRepository::from).toList());
    }

    /** Writes the changed product if its version is still {@code expectedVersion}; null otherwise. */
    public Uni<Product> update(UUID tenant, Product p, long expectedVersion) {
        return sql.update("update product set name = ?3, unit_price = ?4, currency = ?5, tax_rate = ?6, active = ?7,"
                        + " tags = array(select jsonb_array_elements_text(cast(cast(?8 as text) as jsonb))),"
                        + " version = version + 1, updated_at = now() where tenant_id = ?1 and id = ?2 and version = ?9",
                tenant, p.id(), p.name(), p.unitPrice(), p.currency(), p.taxRate(), p.active(), json(p.tags()),
                expectedVersion)
                .chain(n -> n == 0 ? Uni.createFrom().nullItem() : find(tenant, p.id()));
    }

    static Product from(Object[] r) {
        return new Product(uuid(r[0]), text(r[1]), text(r[2]), decimal(r[3]), text(r[4]).trim(), decimal(r[5]),
                bool(r[6]), strings(r[7]), number(r[8]), instant(r[9]), instant(r[10]));
    }
}
