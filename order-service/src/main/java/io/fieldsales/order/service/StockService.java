package io.fieldsales.order.service;

import io.fieldsales.order.domain.RuleViolation;
import io.fieldsales.order.domain.StockLevel;
import io.fieldsales.order.events.Events;
import io.fieldsales.order.events.OrderEventTypes;
import io.fieldsales.order.events.StockAdjusted;
import io.fieldsales.order.events.StockTransferred;
import io.fieldsales.order.repository.ProductRepository;
import io.fieldsales.order.repository.StockRepository;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Stock adjustments and transfers: each locks the levels it touches (transfers lock both locations in a fixed
 * order), applies the domain rules, writes the levels, one movement per changed level and one event, in one
 * transaction. The check constraints {@code 0 <= reserved <= on_hand} back the rules up.
 */
@ApplicationScoped
public class StockService {

    @Inject
    StockRepository stock;

    @Inject
    ProductRepository products;

    @Inject
    Outbox outbox;

    /** Result of an adjustment. */
    public record Adjusted(StockLevel level) {
    }

    static String location(String location, String field) {
        if (location == null || location.isBlank() || location.length() > 64) {
            throw ProblemException.validation(field, "required, 1-64 characters");
        }
        return location.strip();
    }

    private Uni<Void> requireProduct(Actor actor, String sku) {
        if (sku == null || sku.isBlank()) {
            return Uni.createFrom().failure(ProblemException.validation("sku", "required"));
        }
        return products.findBySkus(actor.tenantId(), List.of(sku)).chain(found -> found.isEmpty()
                ? Uni.createFrom().failure(new RuleViolation("unknown_sku", "No product with sku " + sku))
                : Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<StockLevel> adjust(Actor actor, String location, String sku, long delta, String reason) {
        String loc = location(location, "location");
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            return Uni.createFrom().failure(ProblemException.validation("reason", "required, at most 500 characters"));
        }
        return requireProduct(actor, sku)
                .chain(() -> stock.ensure(actor.tenantId(), loc, sku))
                .chain(() -> stock.lock(actor.tenantId(), loc, List.of(sku)))
                .chain(levels -> {
                    StockLevel after = levels.get(sku).adjust(delta);
                    return stock.write(actor.tenantId(), after)
                            .chain(() -> stock.movement(actor.tenantId(), loc, sku, "ADJUSTMENT", delta, reason, null,
                                    null, actor.userId()))
                            .chain(() -> outbox.append(Events.of(OrderEventTypes.STOCK_ADJUSTED, "stock", sku, actor,
                                    new StockAdjusted(loc, sku, delta, after.onHand(), after.reserved(), reason))))
                            .replaceWith(after);
                });
    }

    /** Moves {@code quantity} of a sku between locations: both or neither. */
    @WithTransaction
    public Uni<List<StockLevel>> transfer(Actor actor, String from, String to, String sku, long quantity) {
        String source = location(from, "from");
        String target = location(to, "to");
        if (source.equals(target)) {
            return Uni.createFrom().failure(ProblemException.validation("to", "must differ from 'from'"));
        }
        if (quantity <= 0) {
            return Uni.createFrom().failure(new RuleViolation("invalid_quantity", "quantity must be positive"));
        }
        TreeSet<String> locations = new TreeSet<>(List.of(source, target));
        return requireProduct(actor, sku)
                .chain(() -> stock.ensure(actor.tenantId(), source, sku))
                .chain(() -> stock.ensure(actor.tenantId(), target, sku))
                // lock both levels in location order, whichever direction the transfer goes
                .chain(() -> stock.lock(actor.tenantId(), locations.first(), List.of(sku)))
                .chain(first -> stock.lock(actor.tenantId(), locations.last(), List.of(sku))
                        .map(second -> Map.of(locations.first(), first.get(sku), locations.last(), second.get(sku))))
                .chain(levels -> {
                    StockLevel out = levels.get(source).adjust(-quantity);
                    StockLevel in = levels.get(target).adjust(quantity);
                    return stock.write(actor.tenantId(), out)
                            .chain(() -> stock.write(actor.tenantId(), in))
                            .chain(() -> stock.movement(actor.tenantId(), source, sku, "TRANSFER_OUT", -quantity,
                                    "transfer to " + target, null, null, actor.userId()))
                            .chain(() -> stock.movement(actor.tenantId(), target, sku, "TRANSFER_IN", quantity,
                                    "transfer from " + source, null, null, actor.userId()))
                            .chain(() -> outbox.append(Events.of(OrderEventTypes.STOCK_TRANSFERRED, "stock", sku,
                                    actor, new StockTransferred(source, target, sku, quantity))))
                            .replaceWith(List.of(out, in));
                });
    }

    @WithSession
    public Uni<List<StockLevel>> list(Actor actor, String location, String sku, String afterLocation,
            String afterSku, int limit) {
        return stock.list(actor.tenantId(), location, sku, afterLocation, afterSku, limit);
    }

    /** Levels whose on-hand differs from their ledger. */
    public record Drift(String location, String sku, long onHand, long ledger) {
    }

    @WithSession
    public Uni<List<Drift>> consistency(Actor actor) {
        return stock.drift(actor.tenantId()).map(rows -> rows.stream().map(r -> new Drift(r[0].toString(),
                r[1].toString(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList());
    }

    @WithSession
    public Uni<Long> levels(Actor actor) {
        return stock.levelCount(actor.tenantId());
    }
}
