package io.fieldsales.order.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A multi-step approval: steps are decided in order, each by a holder of its role who is neither the requester
 * ({@code self_approval}) nor the person who decided an earlier step ({@code same_approver}). One rejection rejects
 * the request; the last approval approves it.
 */
public record ApprovalFlow(String requesterId, List<ApprovalStep> steps) {

    public ApprovalFlow {
        steps = List.copyOf(steps);
    }

    /** A new request needing {@code roles} in order. */
    public static ApprovalFlow request(String requesterId, List<String> roles) {
        List<ApprovalStep> steps = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            steps.add(new ApprovalStep(i + 1, roles.get(i), ApprovalStatus.PENDING, null));
        }
        return new ApprovalFlow(requesterId, steps);
    }

    public ApprovalStatus status() {
        for (ApprovalStep s : steps) {
            if (s.status() == ApprovalStatus.REJECTED) {
                return ApprovalStatus.REJECTED;
            }
        }
        return currentStep() == null ? ApprovalStatus.APPROVED : ApprovalStatus.PENDING;
    }

    /** The first pending step, or null when every step is decided. */
    public ApprovalStep currentStep() {
        for (ApprovalStep s : steps) {
            if (s.status() == ApprovalStatus.REJECTED) {
                return null;
            }
            if (s.status() == ApprovalStatus.PENDING) {
                return s;
            }
        }
        return null;
    }

    /** Whether this person, with these roles, may decide the current step. */
    public boolean decidableBy(String actorId, Set<String> roles) {
        ApprovalStep current = currentStep();
        return current != null && roles.contains(current.role()) && !actorId.equals(requesterId)
                && !decidedEarlier(actorId);
    }

    /** The flow after {@code actorId} decided the current step. */
    public ApprovalFlow decide(String actorId, Set<String> roles, Decision decision) {
        ApprovalStep current = currentStep();
        if (current == null) {
            throw new RuleViolation("approval_not_pending", "This approval is already " + status());
        }
        if (actorId.equals(requesterId)) {
            throw new RuleViolation("self_approval", "You cannot decide your own request");
        }
        if (decidedEarlier(actorId)) {
            throw new RuleViolation("same_approver", "Each step needs a different person; you decided an earlier one");
        }
        if (!roles.contains(current.role())) {
            throw new RuleViolation("forbidden", "Step " + current.number() + " needs the role " + current.role());
        }
        List<ApprovalStep> next = new ArrayList<>(steps);
        next.set(current.number() - 1, new ApprovalStep(current.number(), current.role(),
                decision == Decision.APPROVE ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED, actorId));
        return new ApprovalFlow(requesterId, next);
    }

    private boolean decidedEarlier(String actorId) {
        for (ApprovalStep s : steps) {
            if (actorId.equals(s.decidedBy())) {
                return true;
            }
        }
        return false;
    }
}
