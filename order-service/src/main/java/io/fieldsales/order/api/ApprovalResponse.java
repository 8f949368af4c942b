package io.fieldsales.order.api;

import io.fieldsales.order.domain.ApprovalStep;
import io.fieldsales.order.repository.ApprovalRepository.Approval;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An approval request and its steps. */
public record ApprovalResponse(UUID id, String subjectType, UUID subjectId, UUID orderId, UUID customerId,
        String requesterId, String status, String reason, List<ApprovalStep> steps, Integer currentStep, long version,
        Instant createdAt) {

    static ApprovalResponse of(Approval a) {
        ApprovalStep current = a.flow().currentStep();
        return new ApprovalResponse(a.id(), a.subjectType(), a.subjectId(), a.orderId(), a.customerId(),
                a.flow().requesterId(), a.status(), a.reason(), a.flow().steps(),
                "PENDING".equals(a.status()) && current != null ? current.number() : null, a.version(), a.createdAt());
    }
}
