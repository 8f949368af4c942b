package io.fieldsales.order.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A tenant's approval policy. Defaults: a manual discount above 10 % on any line needs a manager; above 25 % a
 * manager then finance; a return worth more than 500.00 (order currency, tax included) needs a manager.
 * "Above" is strict: exactly 10 % needs nobody.
 */
public record ApprovalPolicy(BigDecimal managerDiscountAbove, BigDecimal financeDiscountAbove,
        BigDecimal returnValueAbove) {

    public static final String MANAGER = "manager";
    public static final String FINANCE = "finance";

    public static ApprovalPolicy defaults() {
        return new ApprovalPolicy(new BigDecimal("10"), new BigDecimal("25"), new BigDecimal("500.00"));
    }

    /** Checks a policy a tenant admin submits. */
    public ApprovalPolicy validated() {
        if (managerDiscountAbove == null || financeDiscountAbove == null || returnValueAbove == null) {
            throw new RuleViolation("validation_failed",
                    "managerDiscountAbove, financeDiscountAbove and returnValueAbove are required");
        }
        if (managerDiscountAbove.signum() < 0 || financeDiscountAbove.compareTo(new BigDecimal(100)) > 0
                || returnValueAbove.signum() < 0) {
            throw new RuleViolation("validation_failed", "thresholds must be 0..100 % and amounts >= 0");
        }
        if (financeDiscountAbove.compareTo(managerDiscountAbove) < 0) {
            throw new RuleViolation("validation_failed", "financeDiscountAbove must be >= managerDiscountAbove");
        }
        return this;
    }

    /** The roles that must approve, in order, an order whose largest manual discount is {@code maxDiscount} %. */
    public List<String> stepsForOrder(BigDecimal maxDiscount) {
        if (maxDiscount.compareTo(financeDiscountAbove) > 0) {
            return List.of(MANAGER, FINANCE);
        }
        if (maxDiscount.compareTo(managerDiscountAbove) > 0) {
            return List.of(MANAGER);
        }
        return List.of();
    }

    /** The roles that must approve a return worth {@code value} (tax included). */
    public List<String> stepsForReturn(BigDecimal value) {
        return value.compareTo(returnValueAbove) > 0 ? List.of(MANAGER) : List.of();
    }
}
