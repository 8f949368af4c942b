package io.fieldsales.order.events;

import java.util.List;
import java.util.UUID;

/** {@code io.fieldsales.order.approval.requested.v1}: who must approve what (roles in step order). */
public record ApprovalRequested(UUID approvalId, String subjectType, UUID orderId, UUID returnId, UUID customerId,
        String requesterId, List<String> roles, String reason) {
}
