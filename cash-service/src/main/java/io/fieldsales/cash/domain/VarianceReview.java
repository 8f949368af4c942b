package io.fieldsales.cash.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Set;

/**
 * The four-eyes rules for deciding a pending variance: the owner never decides their own count; each step is
 * decided by its role; the finance step by someone other than the supervisor who approved. APPROVE moves to the
 * next step or closes the session; REJECT sends the owner back to count again.
 */
public final class VarianceReview {

    private VarianceReview() {
    }

    /** What a decision leads to. */
    public record Outcome(SessionStatus status, ApprovalStep nextStep, boolean opensShortageReceivable) {
    }

    /**
     * Checks who may decide and returns the outcome.
     *
     * @param status        the session's status
     * @param tier          the tier of the pending count
     * @param step          the step awaiting a decision
     * @param ownerId       the session's owner
     * @param deciderId     who decides
     * @param deciderRoles  the decider's roles
     * @param earlierDeciders who already decided earlier steps of this count
     * @param decision      APPROVE or REJECT
     * @param variance      the pending count's variance
     */
    public static Outcome decide(SessionStatus status, VarianceTier tier, ApprovalStep step, String ownerId,
            String deciderId, Set<String> deciderRoles, Collection<String> earlierDeciders, Decision decision,
            BigDecimal variance) {
        if (status != SessionStatus.PENDING_APPROVAL || step == null) {
            throw new CashRuleViolation("no_decision_pending", "This session has no variance awaiting a decision");
        }
        if (ownerId.equals(deciderId)) {
            throw new CashRuleViolation("self_approval", "You cannot decide on your own count");
        }
        if (!deciderRoles.contains(step.role())) {
            boolean decidedEarlierStep = tier.steps().indexOf(step) > 0
                    && deciderRoles.contains(tier.steps().get(tier.steps().indexOf(step) - 1).role());
            throw decidedEarlierStep
                    ? new CashRuleViolation("step_already_decided", "The " + tier.steps().get(0).name().toLowerCase()
                            + " step was already decided; the session waits for " + step.role())
                    : new CashRuleViolation("approver_role_required", "This step is decided by " + step.role());
        }
        if (earlierDeciders.contains(deciderId)) {
            throw new CashRuleViolation("same_approver", "Each step needs a different person");
        }
        if (decision == Decision.REJECT) {
            return new Outcome(SessionStatus.COUNTING, null, false);
        }
        ApprovalStep next = tier.after(step);
        if (next != null) {
            return new Outcome(SessionStatus.PENDING_APPROVAL, next, false);
        }
        return new Outcome(SessionStatus.CLOSED, null, tier == VarianceTier.FINANCE && variance.signum() < 0);
    }
}
