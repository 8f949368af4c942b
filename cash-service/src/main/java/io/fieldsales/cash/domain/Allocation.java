package io.fieldsales.cash.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Applying money to what a receivable still has due: never more than is due, in arrival order.
 */
public final class Allocation {

    private Allocation() {
    }

    /** A collection made against a known receivable: it may not exceed what is still due (422 overpayment). */
    public static void requireWithinDue(BigDecimal amount, BigDecimal outstanding) {
        if (amount.compareTo(outstanding) > 0) {
            throw new CashRuleViolation("overpayment", "The amount exceeds what is still due on this order ("
                    + outstanding.stripTrailingZeros().toPlainString() + ")");
        }
    }

    /**
     * Allocates waiting amounts (collections made before the receivable existed), in order, to what is due: each
     * gets min(its unallocated amount, what is still due); the rest stays unallocated. The result has one entry
     * per input, and its sum never exceeds {@code outstanding}.
     */
    public static List<BigDecimal> allocate(BigDecimal outstanding, List<BigDecimal> waiting) {
        if (outstanding.signum() < 0) {
            throw new IllegalArgumentException("outstanding must not be negative");
        }
        List<BigDecimal> result = new ArrayList<>(waiting.size());
        BigDecimal left = outstanding;
        for (BigDecimal amount : waiting) {
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("amounts are never negative");
            }
            BigDecimal part = amount.min(left);
            result.add(part);
            left = left.subtract(part);
        }
        return result;
    }
}
