package io.fieldsales.cash.events;

/** The CloudEvents types this service publishes on {@link #TOPIC}; all are in docs/events/asyncapi.yaml. */
public final class CashEventTypes {

    public static final String TOPIC = "cash.events";
    public static final String SESSION_OPENED = "io.fieldsales.cash.cash-session.opened.v1";
    public static final String COLLECTION_RECORDED = "io.fieldsales.cash.collection.recorded.v1";
    public static final String COLLECTION_ALLOCATED = "io.fieldsales.cash.collection.allocated.v1";
    public static final String PAYOUT_RECORDED = "io.fieldsales.cash.payout.recorded.v1";
    public static final String SESSION_CLOSED = "io.fieldsales.cash.cash-session.closed.v1";
    public static final String VARIANCE_FLAGGED = "io.fieldsales.cash.variance.flagged.v1";
    public static final String VARIANCE_DECIDED = "io.fieldsales.cash.variance.decided.v1";
    public static final String DEPOSIT_CREATED = "io.fieldsales.cash.deposit.created.v1";
    public static final String DEPOSIT_CONFIRMED = "io.fieldsales.cash.deposit.confirmed.v1";
    public static final String DEPOSIT_DISPUTED = "io.fieldsales.cash.deposit.disputed.v1";
    public static final String RECEIVABLE_OPENED = "io.fieldsales.cash.receivable.opened.v1";
    public static final String RECEIVABLE_SETTLED = "io.fieldsales.cash.receivable.settled.v1";
    /** Not in the issue's list: a finance payment would otherwise leave no event on the order's timeline. */
    public static final String PAYMENT_RECORDED = "io.fieldsales.cash.receivable-payment.recorded.v1";

    /** The order-service events consumed from {@code order.events}. */
    public static final String ORDER_DELIVERED = "io.fieldsales.order.order.delivered.v1";
    public static final String REFUND_ISSUED = "io.fieldsales.order.refund.issued.v1";

    private CashEventTypes() {
    }
}
