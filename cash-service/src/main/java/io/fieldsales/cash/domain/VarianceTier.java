package io.fieldsales.cash.domain;

import java.util.List;

/** Who must look at a count's variance before the session closes. */
public enum VarianceTier {
    /** Small enough to accept at once. */
    AUTO(List.of()),
    /** One supervisor who is not the owner. */
    SUPERVISOR(List.of(ApprovalStep.SUPERVISOR)),
    /** A supervisor, then finance: two different people, neither the owner. */
    FINANCE(List.of(ApprovalStep.SUPERVISOR, ApprovalStep.FINANCE));

    private final List<ApprovalStep> steps;

    VarianceTier(List<ApprovalStep> steps) {
        this.steps = steps;
    }

    public List<ApprovalStep> steps() {
        return steps;
    }

    /** The first step, or null when nobody needs to decide. */
    public ApprovalStep firstStep() {
        return steps.isEmpty() ? null : steps.get(0);
    }

    /** The step after {@code step}, or null when it was the last. */
    public ApprovalStep after(ApprovalStep step) {
        int i = steps.indexOf(step);
        if (i < 0) {
            throw new IllegalArgumentException(step + " is not a step of " + this);
        }
        return i + 1 < steps.size() ? steps.get(i + 1) : null;
    }
}
