package io.fieldsales.cash.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** What a deposit must match, and what a bank confirmation makes of it. */
public final class DepositRules {

    private DepositRules() {
    }

    /**
     * The slip's amount must equal the sessions' counted cash, unless the depositor explains the difference
     * (then the deposit is flagged). Returns whether it is flagged.
     */
    public static boolean checkAmount(BigDecimal amount, BigDecimal countedCash, String discrepancyReason) {
        if (amount.compareTo(countedCash) == 0) {
            return false;
        }
        if (discrepancyReason == null || discrepancyReason.isBlank()) {
            throw new CashRuleViolation("deposit_amount_mismatch", "The amount differs from the sessions' counted"
                    + " cash (" + countedCash.stripTrailingZeros().toPlainString() + "); give a discrepancyReason");
        }
        return true;
    }

    /** The bank's answer: the amount it confirmed against the slip's amount. */
    public record Confirmation(DepositStatus status, BigDecimal difference) {
    }

    public static Confirmation confirm(DepositStatus current, BigDecimal slipAmount, BigDecimal confirmedAmount) {
        if (!current.awaitsConfirmation()) {
            throw new CashRuleViolation("deposit_already_confirmed", "This deposit is already confirmed");
        }
        BigDecimal difference = confirmedAmount.subtract(slipAmount);
        return new Confirmation(difference.signum() == 0 ? DepositStatus.CONFIRMED : DepositStatus.DISPUTED,
                difference);
    }

    /** Whether an unconfirmed deposit has waited longer than the tenant allows. */
    public static boolean ageing(DepositStatus status, Instant depositedAt, Instant now, int confirmDays) {
        return status.awaitsConfirmation() && Duration.between(depositedAt, now).compareTo(Duration.ofDays(confirmDays)) > 0;
    }
}
