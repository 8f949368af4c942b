package io.fieldsales.order.repository;

import static io.fieldsales.order.repository.SqlValues.*;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fieldsales.order.domain.ReturnRules.ReturnedLine;
import io.fieldsales.order.domain.ReturnStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Returns, credit notes and refunds. */
@ApplicationScoped
public class ReturnRepository {

    static final String RETURN_COLUMNS = "id, order_id, customer_id, status, cast(lines as text), currency, subtotal,"
            + " tax, total, location, condition, requested_by, version, created_at";
    static final String NOTE_COLUMNS = "id, order_id, return_id, customer_id, currency, amount, refunded, created_at";

    @Inject
    Sql sql;

    /** A stored return. */
    public record StoredReturn(UUID id, UUID orderId, UUID customerId, ReturnStatus status, List<ReturnedLine> lines,
            String currency, BigDecimal subtotal, BigDecimal tax, BigDecimal total, String location, String condition,
            String requestedBy, long version, Instant createdAt) {
    }

    /** A stored credit note. */
    public record CreditNote(UUID id, UUID orderId, UUID returnId, UUID customerId, String currency,
            BigDecimal amount, BigDecimal refunded, Instant createdAt) {
    }

    /** Quantity per sku already taken back by this order's returns that were not rejected. */
    public Uni<Map<String, Long>> returnedQuantities(UUID orderId) {
        return sql.rows("select l.sku, sum(l.quantity) from return_line l join order_return r on r.id = l.return_id"
                + " where l.order_id = ?1 and r.status <> 'REJECTED' group by l.sku", orderId).map(rows -> {
                    Map<String, Long> m = new HashMap<>();
                    rows.forEach(r -> m.put(text(r[0]), number(r[1])));
                    return m;
                });
    }

    public Uni<Void> insert(UUID tenant, StoredReturn r) {
        Uni<Void> chain = sql.update("insert into order_return (id, tenant_id, order_id, customer_id, status, lines,"
                        + " currency, subtotal, tax, total, requested_by) values (?1, ?2, ?3, ?4, ?5,"
                        + " cast(cast(?6 as text) as jsonb), ?7, ?8, ?9, ?10, ?11)", r.id(), tenant, r.orderId(),
                r.customerId(), r.status().name(), json(r.lines()), r.currency(), r.subtotal(), r.tax(), r.total(),
                r.requestedBy()).replaceWithVoid();
        for (ReturnedLine l : r.lines()) {
            chain = chain.chain(() -> sql.update("insert into return_line (return_id, order_id, sku, quantity)"
                    + " values (?1, ?2, ?3, ?4)", r.id(), r.orderId(), l.sku(), l.quantity()).replaceWithVoid());
        }
        return chain;
    }

    public Uni<StoredReturn> lock(UUID tenant, UUID id) {
        return sql.row("select " + RETURN_COLUMNS + " from order_return where tenant_id = ?1 and id = ?2 for update",
                tenant, id).map(r -> r == null ? null : from(r));
    }

    public Uni<StoredReturn> find(UUID tenant, UUID id) {
        return sql.row("select " + RETURN_COLUMNS + " from order_return where tenant_id = ?1 and id = ?2", tenant, id)
                .map(r -> r == null ? null : from(r));
    }

    public Uni<Void> update(UUID id, ReturnStatus status, String location, String condition) {
        return sql.update("update order_return set status = ?2, location = cast(?3 as text),"
                        + " condition = cast(?4 as text), version = version + 1, updated_at = now() where id = ?1",
                id, status.name(), location, condition).replaceWithVoid();
    }

    public Uni<Void> insertCreditNote(UUID tenant, CreditNote n) {
        return sql.update("insert into credit_note (id, tenant_id, order_id, return_id, customer_id, currency, amount)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)", n.id(), tenant, n.orderId(), n.returnId(),
                n.customerId(), n.currency(), n.amount()).replaceWithVoid();
    }

    public Uni<CreditNote> creditNoteOf(UUID returnId) {
        return sql.row("select " + NOTE_COLUMNS + " from credit_note where return_id = ?1", returnId)
                .map(r -> r == null ? null : note(r));
    }

    public Uni<CreditNote> lockCreditNote(UUID tenant, UUID id) {
        return sql.row("select " + NOTE_COLUMNS + " from credit_note where tenant_id = ?1 and id = ?2 for update",
                tenant, id).map(r -> r == null ? null : note(r));
    }

    public Uni<CreditNote> findCreditNote(UUID tenant, UUID id) {
        return sql.row("select " + NOTE_COLUMNS + " from credit_note where tenant_id = ?1 and id = ?2", tenant, id)
                .map(r -> r == null ? null : note(r));
    }

    public Uni<List<CreditNote>> creditNotes(UUID tenant, UUID orderId, Instant afterCreated, UUID afterId,
            int limit) {
        return sql.rows("select " + NOTE_COLUMNS + " from credit_note where tenant_id = ?1"
                        + " and (cast(?2 as uuid) is null or order_id = cast(?2 as uuid))"
                        + " and (created_at, id) < (cast(cast(?3 as text) as timestamptz), ?4)"
                        + " order by created_at desc, id desc limit ?5", tenant, orderId,
                ts(afterCreated == null ? Instant.parse("9999-01-01T00:00:00Z") : afterCreated),
                afterId == null ? UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff") : afterId, limit)
                .map(rows -> rows.stream().map(ReturnRepository::note).toList());
    }

    public Uni<Void> addRefund(UUID tenant, UUID refundId, CreditNote n, String method, BigDecimal amount,
            BigDecimal refundedAfter, String actor) {
        return sql.update("update credit_note set refunded = ?2 where id = ?1", n.id(), refundedAfter)
                .chain(() -> sql.update("insert into refund (id, tenant_id, credit_note_id, order_id, method, amount,"
                                + " currency, refunded_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", refundId, tenant,
                        n.id(), n.orderId(), method, amount, n.currency(), actor))
                .replaceWithVoid();
    }

    /** Refunds of a credit note: (id, method, amount, refundedBy, createdAt). */
    public Uni<List<Object[]>> refunds(UUID creditNoteId) {
        return sql.rows("select id, method, amount, refunded_by, created_at from refund where credit_note_id = ?1"
                + " order by created_at, id", creditNoteId);
    }

    public Uni<List<StoredReturn>> forOrder(UUID orderId) {
        return sql.rows("select " + RETURN_COLUMNS + " from order_return where order_id = ?1 order by created_at",
                orderId).map(rows -> rows.stream().map(ReturnRepository::from).toList());
    }

    static StoredReturn from(Object[] r) {
        return new StoredReturn(uuid(r[0]), uuid(r[1]), uuid(r[2]), ReturnStatus.valueOf(text(r[3])),
                read(r[4], new TypeReference<List<ReturnedLine>>() { }), text(r[5]).trim(), decimal(r[6]),
                decimal(r[7]), decimal(r[8]), text(r[9]), text(r[10]), text(r[11]), number(r[12]), instant(r[13]));
    }

    static CreditNote note(Object[] r) {
        return new CreditNote(uuid(r[0]), uuid(r[1]), uuid(r[2]), uuid(r[3]), text(r[4]).trim(), decimal(r[5]),
                decimal(r[6]), instant(r[7]));
    }
}
