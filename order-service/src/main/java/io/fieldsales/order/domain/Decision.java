package io.fieldsales.order.domain;

/** An approver's answer to one step. */
public enum Decision {
    APPROVE, REJECT
}
