package io.fieldsales.order.domain;

/** An approval request, or one of its steps. */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED
}
