package io.fieldsales.order.events;

import java.util.UUID;

/** {@code io.fieldsales.order.approval.decided.v1}: one step decided; {@code status} is the approval's after it. */
public record ApprovalDecided(UUID approvalId, String subjectType, UUID orderId, UUID returnId, UUID customerId,
        int step, String role, String decision, String decidedBy, String comment, String status) {
}
