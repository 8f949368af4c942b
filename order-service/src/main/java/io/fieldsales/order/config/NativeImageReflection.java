package io.fieldsales.order.config;

import io.fieldsales.order.events.ApprovalDecided;
import io.fieldsales.order.events.ApprovalRequested;
import io.fieldsales.order.events.CreditNoteIssued;
import io.fieldsales.order.events.CustomerEventsConsumer;
import io.fieldsales.order.events.LinePayload;
import io.fieldsales.order.events.OrderPayload;
import io.fieldsales.order.events.QuotationCreated;
import io.fieldsales.order.events.RefundIssued;
import io.fieldsales.order.events.ReturnPayload;
import io.fieldsales.order.events.StockAdjusted;
import io.fieldsales.order.events.StockTransferred;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The event payloads Jackson writes into the outbox: a native image keeps their accessors only when they are
 * registered (REST request and response types are registered by Quarkus itself). NativeImageReadinessTest
 * (deploy/checks) fails when an events record is missing here. {@code CustomerEventsConsumer.Received} (one record
 * of a batch) is never serialized, but is listed so the rule stays "every record of the events package".
 */
@RegisterForReflection(targets = {ApprovalDecided.class, ApprovalRequested.class, CreditNoteIssued.class,
    CustomerEventsConsumer.Received.class, LinePayload.class, OrderPayload.class, QuotationCreated.class,
    RefundIssued.class, ReturnPayload.class, ReturnPayload.ReturnedLinePayload.class, StockAdjusted.class,
    StockTransferred.class})
public final class NativeImageReflection {

    private NativeImageReflection() {
    }
}
