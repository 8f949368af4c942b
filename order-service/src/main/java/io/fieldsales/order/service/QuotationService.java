package io.fieldsales.order.service;

import io.fieldsales.order.domain.CustomerStanding;
import io.fieldsales.order.domain.PaymentTerms;
import io.fieldsales.order.domain.QuotationStatus;
import io.fieldsales.order.domain.RuleViolation;
import io.fieldsales.order.events.Events;
import io.fieldsales.order.events.LinePayload;
import io.fieldsales.order.events.OrderEventTypes;
import io.fieldsales.order.events.QuotationCreated;
import io.fieldsales.order.repository.QuotationRepository;
import io.fieldsales.order.repository.QuotationRepository.Quotation;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Quotations: priced DRAFTs without reservations; send, reject, and accept, which creates the order (reserving
 * stock, through the approval policy) at the quoted prices, 409 {@code quotation_expired} after validUntil.
 */
@ApplicationScoped
public class QuotationService {

    @Inject
    QuotationRepository quotations;

    @Inject
    PricingService pricing;

    @Inject
    OrderService orders;

    @Inject
    Outbox outbox;

    /** A quotation and, once accepted, its order. */
    public record QuotationView(Quotation quotation, io.fieldsales.order.domain.Order order) {
    }

    @WithTransaction
    public Uni<Quotation> create(Actor actor, CustomerStanding customer, String location, List<RequestedLine> lines,
            Instant validUntil, PaymentTerms terms, String note) {
        String loc = StockService.location(location, "location");
        Instant until = validUntil == null ? Instant.now().plus(14, ChronoUnit.DAYS) : validUntil;
        if (!until.isAfter(Instant.now())) {
            return Uni.createFrom().failure(ProblemException.validation("validUntil", "must be in the future"));
        }
        UUID tenant = actor.tenantId();
        return pricing.price(tenant, customer, lines).chain(doc -> {
            Quotation q = new Quotation(UUID.randomUUID(), customer.customerId(), actor.userId(), loc,
                    QuotationStatus.DRAFT, until.truncatedTo(ChronoUnit.MICROS), terms.name(), note, doc, null, 0,
                    null);
            return quotations.insert(tenant, q)
                    .chain(() -> outbox.append(Events.of(OrderEventTypes.QUOTATION_CREATED, "quotation", q.id(), actor,
                            new QuotationCreated(q.id(), q.customerId(), q.repId(), loc, doc.currency(),
                                    doc.subtotal(), doc.tax(), doc.total(), q.validUntil(),
                                    doc.lines().stream().map(LinePayload::of).toList()))))
                    .chain(() -> quotations.find(tenant, q.id()));
        });
    }

    private Uni<Quotation> locked(Actor actor, UUID id, long expectedVersion) {
        return quotations.lock(actor.tenantId(), id).chain(q -> {
            if (q == null) {
                return Uni.createFrom().failure(RuleProblems.notFound("quotation"));
            }
            if (q.version() != expectedVersion) {
                return Uni.createFrom().failure(new ProblemException(ErrorCode.VERSION_CONFLICT,
                        "The quotation was changed by someone else; fetch it again"));
            }
            return Uni.createFrom().item(q);
        });
    }

    /** send or reject. */
    @WithTransaction
    public Uni<QuotationView> move(Actor actor, UUID id, long expectedVersion, String action) {
        return locked(actor, id, expectedVersion).chain(q -> quotations.update(q.id(), q.status().next(action), null))
                .chain(() -> view(actor, id));
    }

    /** Accepts the quotation and creates its order in the same transaction. */
    @WithTransaction
    public Uni<QuotationView> accept(Actor actor, UUID id, long expectedVersion, CustomerStanding customer) {
        return locked(actor, id, expectedVersion).chain(q -> {
            QuotationStatus next = q.status().next("accept");
            if (!Instant.now().isBefore(q.validUntil())) {
                return Uni.createFrom().failure(new RuleViolation("quotation_expired",
                        "This quotation was valid until " + q.validUntil()));
            }
            List<RequestedLine> lines = q.priced().lines().stream()
                    .map(l -> new RequestedLine(l.sku(), l.quantity(), l.discountPercent())).toList();
            return orders.create(actor, new OrderService.NewOrder(customer, q.location(), lines,
                            PaymentTerms.valueOf(q.paymentTerms()), q.note(), q.id(), q.priced()))
                    .chain(o -> quotations.update(q.id(), next, o.id()))
                    .chain(() -> view(actor, id));
        });
    }

    @WithSession
    public Uni<QuotationView> get(Actor actor, UUID id) {
        return view(actor, id);
    }

    private Uni<QuotationView> view(Actor actor, UUID id) {
        return quotations.find(actor.tenantId(), id).chain(q -> {
            if (q == null) {
                return Uni.createFrom().failure(RuleProblems.notFound("quotation"));
            }
            return q.orderId() == null ? Uni.createFrom().item(new QuotationView(q, null))
                    : orders.find(actor.tenantId(), q.orderId()).map(o -> new QuotationView(q, o));
        });
    }

    @WithSession
    public Uni<List<Quotation>> list(Actor actor, Instant afterCreated, UUID afterId, int limit) {
        return quotations.list(actor.tenantId(), afterCreated, afterId, limit);
    }
}
