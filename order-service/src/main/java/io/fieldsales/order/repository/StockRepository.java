package io.fieldsales.order.repository;

import static io.fieldsales.order.repository.SqlValues.*;

import io.fieldsales.order.domain.StockLevel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stock levels and their movement ledger. Writers lock levels with {@link #lock} in sku order (one statement,
 * {@code order by sku for update}), so that concurrent orders over the same skus queue instead of deadlocking.
 */
@ApplicationScoped
public class StockRepository {

    @Inject
    Sql sql;

    /** Locks the existing rows for these skus at a location, in sku order; absent skus are absent from the map. */
    public Uni<Map<String, StockLevel>> lock(UUID tenant, String location, Collection<String> skus) {
        return sql.rows("select sku, on_hand, reserved from stock where tenant_id = ?1 and location = ?2 and sku in"
                        + " (select jsonb_array_elements_text(cast(cast(?3 as text) as jsonb))) order by sku for update",
                tenant, location, json(skus)).map(rows -> {
                    Map<String, StockLevel> levels = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        levels.put(text(r[0]), new StockLevel(location, text(r[0]), number(r[1]), number(r[2])));
                    }
                    return levels;
                });
    }

    /** Makes sure a row exists (0 / 0) so it can be locked. */
    public Uni<Void> ensure(UUID tenant, String location, String sku) {
        return sql.update("insert into stock (tenant_id, location, sku) values (?1, ?2, ?3) on conflict do nothing",
                tenant, location, sku).replaceWithVoid();
    }

    public Uni<Void> write(UUID tenant, StockLevel level) {
        return sql.update("update stock set on_hand = ?4, reserved = ?5, updated_at = now() where tenant_id = ?1"
                        + " and location = ?2 and sku = ?3", tenant, level.location(), level.sku(), level.onHand(),
                level.reserved()).replaceWithVoid();
    }

    public Uni<Void> writeAll(UUID tenant, List<StockLevel> levels) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StockLevel l : levels) {
            chain = chain.chain(() -> write(tenant, l));
        }
        return chain;
    }

    public Uni<Void> movement(UUID tenant, String location, String sku, String kind, long delta, String reason,
            UUID orderId, UUID returnId, String actor) {
        return sql.update("insert into stock_movement (id, tenant_id, location, sku, kind, delta, reason, order_id,"
                        + " return_id, actor_id) values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as text), cast(?8 as uuid),"
                        + " cast(?9 as uuid), ?10)", UUID.randomUUID(), tenant, location, sku, kind, delta, reason,
                orderId, returnId, actor).replaceWithVoid();
    }

    /** Levels filtered by location and/or sku, in (location, sku) order after the cursor position. */
    public Uni<List<StockLevel>> list(UUID tenant, String location, String sku, String afterLocation,
            String afterSku, int limit) {
        return sql.rows("select location, sku, on_hand, reserved from stock where tenant_id = ?1"
                        + " and (cast(?2 as text) is null or location = cast(?2 as text))"
                        + " and (cast(?3 as text) is null or sku = cast(?3 as text))"
                        + " and (location, sku) > (?4, ?5) order by location, sku limit ?6",
                tenant, location, sku, afterLocation == null ? "" : afterLocation, afterSku == null ? "" : afterSku,
                limit).map(rows -> rows.stream().map(r -> new StockLevel(text(r[0]), text(r[1]), number(r[2]),
                        number(r[3]))).toList());
    }

    /** Levels whose on-hand differs from the sum of their movements: (location, sku, onHand, ledger sum). */
    public Uni<List<Object[]>> drift(UUID tenant) {
        return sql.rows("select s.location, s.sku, s.on_hand, coalesce(m.total, 0) from stock s left join ("
                + "select location, sku, sum(delta) as total from stock_movement where tenant_id = ?1"
                + " group by location, sku) m on m.location = s.location and m.sku = s.sku where s.tenant_id = ?1"
                + " and s.on_hand <> coalesce(m.total, 0) order by s.location, s.sku", tenant);
    }

    public Uni<Long> levelCount(UUID tenant) {
        return sql.row("select count(*), 0 from stock where tenant_id = ?1", tenant).map(r -> number(r[0]));
    }
}
