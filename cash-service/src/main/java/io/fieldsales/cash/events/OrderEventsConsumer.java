package io.fieldsales.cash.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.cash.domain.InvalidCashInput;
import io.fieldsales.cash.domain.Money;
import io.fieldsales.cash.service.CashRefund;
import io.fieldsales.cash.service.OrderDelivery;
import io.fieldsales.cash.service.ReceivableService;
import io.fieldsales.platform.events.EventEnvelope;
import io.fieldsales.platform.events.PoisonEventException;
import io.fieldsales.platform.events.ProcessedEvents;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code order.events}: a delivered order opens its receivable; a CASH refund becomes a payout. Each event is
 * processed once (ProcessedEvents, in the effect's transaction); other order events are acknowledged and ignored.
 * An event that can never be processed (not a CloudEvent, no tenant, missing or invalid fields) goes to
 * {@code order.events.dlq}; transient failures are retried 5 times with backoff (200 ms doubling to 5 s).
 */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "cash-service.order-events";
    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    ProcessedEvents processed;

    @Inject
    ReceivableService receivables;

    @Incoming("order-events")
    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = PoisonEventException.class)
    @ExponentialBackoff(maxDelay = 5000)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> EventEnvelope.parse(record, json, false)).chain(event -> {
            if (CashEventTypes.ORDER_DELIVERED.equals(event.type())) {
                JsonNode due = event.data().get("amountDue");
                if (due != null && due.isNumber() && due.decimalValue().signum() == 0) {
                    return Uni.createFrom().item(false); // nothing to collect on a free delivery
                }
                OrderDelivery delivery = delivery(event);
                return processed.processOnce(CONSUMER, event.id(), () -> receivables.orderDelivered(delivery));
            }
            if (CashEventTypes.REFUND_ISSUED.equals(event.type())) {
                if (!"CASH".equals(text(event.data(), "method", false))) {
                    return Uni.createFrom().item(false);
                }
                CashRefund refund = refund(event);
                return processed.processOnce(CONSUMER, event.id(), () -> receivables.cashRefund(refund));
            }
            return Uni.createFrom().item(false);
        }).onFailure(PoisonEventException.class).invoke(f -> LOG.warnf("Poison record on %s-%d@%d: %s",
                record.topic(), record.partition(), record.offset(), f.getMessage())).replaceWithVoid();
    }

    static OrderDelivery delivery(EventEnvelope event) {
        JsonNode d = event.data();
        String currency = currency(d);
        String terms = text(d, "paymentTerms", false);
        if (terms == null) {
            terms = "COD";
        } else if (!terms.equals("COD") && !terms.equals("CREDIT")) {
            throw new PoisonEventException("event " + event.id() + ": paymentTerms must be COD or CREDIT");
        }
        LocalDate deliveredOn = event.time() == null ? LocalDate.now(ZoneOffset.UTC)
                : event.time().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        return new OrderDelivery(event.tenantId(), uuid(d, "orderId", true), uuid(d, "customerId", false),
                text(d, "repId", false), text(d, "location", false), amount(d, "amountDue", currency), currency, terms,
                deliveredOn);
    }

    static CashRefund refund(EventEnvelope event) {
        JsonNode d = event.data();
        String currency = currency(d);
        String rep = text(d, "repId", true);
        return new CashRefund(event.tenantId(), uuid(d, "refundId", true), uuid(d, "creditNoteId", false),
                uuid(d, "orderId", false), uuid(d, "customerId", false), rep, amount(d, "amount", currency), currency);
    }

    private static String currency(JsonNode d) {
        try {
            return Money.currency("currency", text(d, "currency", true));
        } catch (InvalidCashInput e) {
            throw new PoisonEventException("currency " + e.getMessage());
        }
    }

    private static BigDecimal amount(JsonNode d, String field, String currency) {
        JsonNode v = d.get(field);
        if (v == null || !(v.isNumber() || v.isTextual())) {
            throw new PoisonEventException(field + " is required");
        }
        try {
            return Money.positive(field, new BigDecimal(v.asText()), currency);
        } catch (NumberFormatException | InvalidCashInput e) {
            throw new PoisonEventException(field + " is not a valid amount in " + currency);
        }
    }

    private static String text(JsonNode d, String field, boolean required) {
        JsonNode v = d.get(field);
        if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
            if (required) {
                throw new PoisonEventException(field + " is required");
            }
            return null;
        }
        return v.asText();
    }

    private static UUID uuid(JsonNode d, String field, boolean required) {
        String s = text(d, field, required);
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(field + " is not a UUID");
        }
    }
}
