package io.fieldsales.order.domain;

import java.math.BigDecimal;

/** Refunds of a credit note: positive, and all of them together never more than the note. */
public final class RefundRules {

    private RefundRules() {
    }

    /** The refunded total after this refund, or {@code refund_exceeds_credit}. */
    public static BigDecimal refund(BigDecimal creditAmount, BigDecimal alreadyRefunded, BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new RuleViolation("invalid_amount", "amount must be positive");
        }
        BigDecimal after = alreadyRefunded.add(amount);
        if (after.compareTo(creditAmount) > 0) {
            throw new RuleViolation("refund_exceeds_credit", "Only " + creditAmount.subtract(alreadyRefunded)
                    + " of this credit note is left to refund");
        }
        return after;
    }
}
