package io.fieldsales.order.domain;

/** One step of an approval: the role that decides it, and who decided how (null while pending). */
public record ApprovalStep(int number, String role, ApprovalStatus status, String decidedBy) {
}
