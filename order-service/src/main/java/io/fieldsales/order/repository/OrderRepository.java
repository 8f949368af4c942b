package io.fieldsales.order.repository;

import static io.fieldsales.order.repository.SqlValues.*;

import io.fieldsales.order.domain.Order;
import io.fieldsales.order.domain.OrderStatus;
import io.fieldsales.order.domain.PricedLine;
import io.fieldsales.order.domain.Reservation;
import io.fieldsales.order.domain.StatusChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Orders, their frozen lines, reservations and status history. */
@ApplicationScoped
public class OrderRepository {

    static final String COLUMNS = "id, customer_id, rep_id, location, status, payment_terms, note, currency, subtotal,"
            + " tax, total, amount_due, quotation_id, received_by, delivered_at, version, created_at, updated_at";

    @Inject
    Sql sql;

    public Uni<Void> insert(UUID tenant, Order o) {
        return sql.update("insert into customer_order (id, tenant_id, customer_id, rep_id, location, status,"
                        + " payment_terms, note, currency, subtotal, tax, total, quotation_id, created_at, updated_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as text), ?9, ?10, ?11, ?12, cast(?13 as uuid),"
                        + " cast(cast(?14 as text) as timestamptz), cast(cast(?14 as text) as timestamptz))",
                o.id(), tenant, o.customerId(), o.repId(), o.location(), o.status().name(), o.paymentTerms(),
                o.note(), o.currency(), o.subtotal(), o.tax(), o.total(), o.quotationId(), ts(o.createdAt()))
                .chain(() -> insertLines(tenant, o.id(), o.lines()));
    }

    public Uni<Void> insertLines(UUID tenant, UUID orderId, List<PricedLine> lines) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < lines.size(); i++) {
            PricedLine l = lines.get(i);
            int no = i + 1;
            chain = chain.chain(() -> sql.update("insert into order_line (order_id, line_no, tenant_id, sku, quantity,"
                            + " subtotal, tax, total, priced) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                            + " cast(cast(?9 as text) as jsonb))", orderId, no, tenant, l.sku(), l.quantity(),
                    l.subtotal(), l.tax(), l.total(), json(l)).replaceWithVoid());
        }
        return chain;
    }

    public Uni<Void> deleteLines(UUID orderId) {
        return sql.update("delete from order_line where order_id = ?1", orderId).replaceWithVoid();
    }

    /** The order, locked for update (its writers queue on this row). */
    public Uni<Order> lock(UUID tenant, UUID id) {
        return sql.row("select " + COLUMNS + " from customer_order where tenant_id = ?1 and id = ?2 for update",
                tenant, id).chain(r -> r == null ? Uni.createFrom().nullItem() : withLines(r));
    }

    public Uni<Order> find(UUID tenant, UUID id) {
        return sql.row("select " + COLUMNS + " from customer_order where tenant_id = ?1 and id = ?2", tenant, id)
                .chain(r -> r == null ? Uni.createFrom().nullItem() : withLines(r));
    }

    private Uni<Order> withLines(Object[] r) {
        UUID id = uuid(r[0]);
        return sql.rows("select line_no, cast(priced as text) from order_line where order_id = ?1 order by line_no", id)
                .map(lines -> from(r, lines.stream().map(l -> read(l[1], PricedLine.class)).toList()));
    }

    /** Writes status, totals and delivery fields, bumping the version. */
    public Uni<Void> update(UUID tenant, Order o) {
        return sql.update("update customer_order set status = ?3, subtotal = ?4, tax = ?5, total = ?6,"
                        + " amount_due = cast(?7 as numeric), received_by = cast(?8 as text),"
                        + " delivered_at = cast(cast(?9 as text) as timestamptz), version = version + 1,"
                        + " updated_at = now() where tenant_id = ?1 and id = ?2",
                tenant, o.id(), o.status().name(), o.subtotal(), o.tax(), o.total(), o.amountDue(), o.receivedBy(),
                ts(o.deliveredAt())).replaceWithVoid();
    }

    public Uni<Void> statusChange(UUID tenant, UUID orderId, String from, String to, String actor, String reason) {
        return sql.update("insert into order_status_change (id, order_id, tenant_id, from_status, to_status, actor_id,"
                        + " reason) values (?1, ?2, ?3, cast(?4 as text), ?5, ?6, cast(?7 as text))",
                UUID.randomUUID(), orderId, tenant, from, to, actor, reason).replaceWithVoid();
    }

    public Uni<Void> reserve(UUID tenant, UUID orderId, String location, String sku, long quantity) {
        return sql.update("insert into reservation (order_id, sku, tenant_id, location, quantity, status)"
                        + " values (?1, ?2, ?3, ?4, ?5, 'HELD') on conflict (order_id, sku) do update"
                        + " set quantity = excluded.quantity, status = case when excluded.quantity = 0 then 'RELEASED'"
                        + " else 'HELD' end", orderId, sku, tenant, location, quantity).replaceWithVoid();
    }

    public Uni<Void> settleReservations(UUID orderId, String status) {
        return sql.update("update reservation set status = ?2 where order_id = ?1 and status = 'HELD'", orderId, status)
                .replaceWithVoid();
    }

    public Uni<List<Reservation>> reservations(UUID orderId) {
        return sql.rows("select sku, location, quantity, status from reservation where order_id = ?1 order by sku",
                orderId).map(rows -> rows.stream().map(r -> new Reservation(text(r[0]), text(r[1]), number(r[2]),
                        text(r[3]))).toList());
    }

    public Uni<List<StatusChange>> history(UUID orderId) {
        return sql.rows("select from_status, to_status, actor_id, reason, at from order_status_change"
                        + " where order_id = ?1 order by at, id", orderId)
                .map(rows -> rows.stream().map(r -> new StatusChange(text(r[0]), text(r[1]), text(r[2]), text(r[3]),
                        instant(r[4]))).toList());
    }

    /**
     * A filtered page, newest first, after the keyset position (createdAt, id) of the previous page. Only the filters
     * given become SQL, so every combination can use its index ({@code order_*_idx}) and no generic plan hides it.
     */
    public Uni<List<Order>> list(UUID tenant, UUID customerId, String status, String rep, Instant from, Instant to,
            Instant afterCreated, UUID afterId, int limit) {
        return sql.rows(listSql(customerId, status, rep, from, to, afterCreated),
                        listParams(tenant, customerId, status, rep, from, to, afterCreated, afterId, limit))
                .map(rows -> rows.stream().map(r -> from(r, List.of())).toList());
    }

    public static String listSql(UUID customerId, String status, String rep, Instant from, Instant to,
            Instant afterCreated) {
        StringBuilder where = new StringBuilder(" where tenant_id = ?1");
        int n = 1;
        if (customerId != null) {
            where.append(" and customer_id = ?").append(++n);
        }
        if (status != null) {
            where.append(" and status = ?").append(++n);
        }
        if (rep != null) {
            where.append(" and rep_id = ?").append(++n);
        }
        if (from != null) {
            where.append(" and created_at >= cast(cast(?").append(++n).append(" as text) as timestamptz)");
        }
        if (to != null) {
            where.append(" and created_at < cast(cast(?").append(++n).append(" as text) as timestamptz)");
        }
        if (afterCreated != null) {
            where.append(" and (created_at, id) < (cast(cast(?").append(++n).append(" as text) as timestamptz), ?")
                    .append(++n).append(")");
        }
        return "select " + COLUMNS + " from customer_order" + where + " order by created_at desc, id desc limit ?"
                + (n + 1);
    }

    static Object[] listParams(UUID tenant, UUID customerId, String status, String rep, Instant from, Instant to,
            Instant afterCreated, UUID afterId, int limit) {
        List<Object> p = new java.util.ArrayList<>();
        p.add(tenant);
        if (customerId != null) {
            p.add(customerId);
        }
        if (status != null) {
            p.add(status);
        }
        if (rep != null) {
            p.add(rep);
        }
        if (from != null) {
            p.add(ts(from));
        }
        if (to != null) {
            p.add(ts(to));
        }
        if (afterCreated != null) {
            p.add(ts(afterCreated));
            p.add(afterId);
        }
        p.add(limit);
        return p.toArray();
    }

    static Order from(Object[] r, List<PricedLine> lines) {
        return new Order(uuid(r[0]), uuid(r[1]), text(r[2]), text(r[3]), OrderStatus.valueOf(text(r[4])), text(r[5]),
                text(r[6]), text(r[7]).trim(), decimal(r[8]), decimal(r[9]), decimal(r[10]), decimal(r[11]),
                uuid(r[12]), text(r[13]), instant(r[14]), number(r[15]), instant(r[16]), instant(r[17]), lines);
    }
}
