package io.fieldsales.order.domain;

/** What can happen to an order. */
public enum OrderAction {
    /** The last approval step approved it. */
    APPROVE,
    /** An approver rejected it: cancelled, stock released. */
    REJECT,
    /** Its lines changed in a way that needs approval again. */
    REQUIRE_APPROVAL,
    /** Its lines changed (re-priced, reservations adjusted) without leaving its status. */
    EDIT,
    FULFIL,
    DELIVER,
    /** cash-service reported it paid in full. */
    COMPLETE,
    CANCEL
}
