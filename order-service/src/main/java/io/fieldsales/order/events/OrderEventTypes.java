package io.fieldsales.order.events;

import java.util.List;

/** The CloudEvents types this service publishes on {@link #TOPIC}; all are in docs/events/asyncapi.yaml. */
public final class OrderEventTypes {

    public static final String TOPIC = "order.events";
    private static final String P = "io.fieldsales.order.";
    public static final String QUOTATION_CREATED = P + "quotation.created.v1";
    public static final String ORDER_CREATED = P + "order.created.v1";
    public static final String ORDER_CONFIRMED = P + "order.confirmed.v1";
    public static final String ORDER_CANCELLED = P + "order.cancelled.v1";
    public static final String ORDER_FULFILLED = P + "order.fulfilled.v1";
    public static final String ORDER_DELIVERED = P + "order.delivered.v1";
    public static final String ORDER_COMPLETED = P + "order.completed.v1";
    public static final String ORDER_CHANGED = P + "order.changed.v1";
    public static final String RETURN_REQUESTED = P + "return.requested.v1";
    public static final String RETURN_RECEIVED = P + "return.received.v1";
    public static final String CREDIT_NOTE_ISSUED = P + "credit-note.issued.v1";
    public static final String REFUND_ISSUED = P + "refund.issued.v1";
    public static final String APPROVAL_REQUESTED = P + "approval.requested.v1";
    public static final String APPROVAL_DECIDED = P + "approval.decided.v1";
    public static final String STOCK_ADJUSTED = P + "stock.adjusted.v1";
    public static final String STOCK_TRANSFERRED = P + "stock.transferred.v1";

    public static final List<String> ALL = List.of(QUOTATION_CREATED, ORDER_CREATED, ORDER_CONFIRMED,
            ORDER_CANCELLED, ORDER_FULFILLED, ORDER_DELIVERED, ORDER_COMPLETED, ORDER_CHANGED, RETURN_REQUESTED,
            RETURN_RECEIVED, CREDIT_NOTE_ISSUED, REFUND_ISSUED, APPROVAL_REQUESTED, APPROVAL_DECIDED, STOCK_ADJUSTED,
            STOCK_TRANSFERRED);

    private OrderEventTypes() {
    }
}
