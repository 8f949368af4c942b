package io.fieldsales.order.repository;

import static io.fieldsales.order.repository.SqlValues.*;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fieldsales.order.domain.PricedDocument;
import io.fieldsales.order.domain.PricedLine;
import io.fieldsales.order.domain.QuotationStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Quotations: priced documents without reservations. */
@ApplicationScoped
public class QuotationRepository {

    static final String COLUMNS = "id, customer_id, rep_id, location, status, valid_until, payment_terms, note, currency,"
            + " subtotal, tax, total, cast(lines as text), order_id, version, created_at";

    @Inject
    Sql sql;

    /** A stored quotation. */
    public record Quotation(UUID id, UUID customerId, String repId, String location, QuotationStatus status,
            Instant validUntil, String paymentTerms, String note, PricedDocument priced, UUID orderId, long version,
            Instant createdAt) {
    }

    public Uni<Void> insert(UUID tenant, Quotation q) {
        PricedDocument d = q.priced();
        return sql.update("insert into quotation (id, tenant_id, customer_id, rep_id, location, status, valid_until,"
                        + " payment_terms, note, currency, subtotal, tax, total, lines, requested_lines) values (?1, ?2,"
                        + " ?3, ?4, ?5, ?6, cast(cast(?7 as text) as timestamptz), ?8, cast(?9 as text), ?10, ?11, ?12,"
                        + " ?13, cast(cast(?14 as text) as jsonb), cast(cast(?14 as text) as jsonb))", q.id(), tenant,
                q.customerId(), q.repId(), q.location(), q.status().name(), ts(q.validUntil()), q.paymentTerms(),
                q.note(), d.currency(), d.subtotal(), d.tax(), d.total(), json(d.lines())).replaceWithVoid();
    }

    public Uni<Quotation> lock(UUID tenant, UUID id) {
        return sql.row("select " + COLUMNS + " from quotation where tenant_id = ?1 and id = ?2 for update", tenant, id)
                .map(r -> r == null ? null : from(r));
    }

    public Uni<Quotation> find(UUID tenant, UUID id) {
        return sql.row("select " + COLUMNS + " from quotation where tenant_id = ?1 and id = ?2", tenant, id)
                .map(r -> r == null ? null : from(r));
    }

    public Uni<Void> update(UUID id, QuotationStatus status, UUID orderId) {
        return sql.update("update quotation set status = ?2, order_id = cast(?3 as uuid), version = version + 1,"
                + " updated_at = now() where id = ?1", id, status.name(), orderId).replaceWithVoid();
    }

    public Uni<List<Quotation>> list(UUID tenant, Instant afterCreated, UUID afterId, int limit) {
        return sql.rows("select " + COLUMNS + " from quotation where tenant_id = ?1"
                        + " and (created_at, id) < (cast(cast(?2 as text) as timestamptz), ?3)"
                        + " order by created_at desc, id desc limit ?4", tenant,
                ts(afterCreated == null ? Instant.parse("9999-01-01T00:00:00Z") : afterCreated),
                afterId == null ? UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff") : afterId, limit)
                .map(rows -> rows.stream().map(QuotationRepository::from).toList());
    }

    static Quotation from(Object[] r) {
        List<PricedLine> lines = read(r[12], new TypeReference<List<PricedLine>>() { });
        PricedDocument doc = new PricedDocument(text(r[8]).trim(), lines, decimal(r[9]), decimal(r[10]),
                decimal(r[11]));
        return new Quotation(uuid(r[0]), uuid(r[1]), text(r[2]), text(r[3]), QuotationStatus.valueOf(text(r[4])),
                instant(r[5]), text(r[6]), text(r[7]), doc, uuid(r[13]), number(r[14]), instant(r[15]));
    }
}
