package io.fieldsales.cash.domain;

import java.math.BigDecimal;

/**
 * A tenant's cash rules: variance thresholds (in the session's currency), credit days of CREDIT orders and how
 * long a deposit may wait for the bank's confirmation before it shows as ageing.
 */
public record CashPolicy(BigDecimal autoAcceptBelow, BigDecimal supervisorBelow, int creditDays,
        int depositConfirmDays) {

    public static final CashPolicy DEFAULTS = new CashPolicy(new BigDecimal("1.00"), new BigDecimal("50.00"), 30, 3);

    public CashPolicy {
        if (autoAcceptBelow.signum() < 0) {
            throw new InvalidCashInput("autoAcceptBelow", "must not be negative");
        }
        if (supervisorBelow.compareTo(autoAcceptBelow) < 0) {
            throw new InvalidCashInput("supervisorBelow", "must not be below autoAcceptBelow");
        }
        if (creditDays < 0 || creditDays > 365) {
            throw new InvalidCashInput("creditDays", "must be between 0 and 365");
        }
        if (depositConfirmDays < 1 || depositConfirmDays > 90) {
            throw new InvalidCashInput("depositConfirmDays", "must be between 1 and 90");
        }
    }

    /**
     * The tier of a variance: |variance| <= autoAcceptBelow is accepted at once, <= supervisorBelow needs a
     * supervisor, anything larger a supervisor and then finance.
     */
    public VarianceTier tierOf(BigDecimal variance) {
        BigDecimal size = variance.abs();
        if (size.compareTo(autoAcceptBelow) <= 0) {
            return VarianceTier.AUTO;
        }
        return size.compareTo(supervisorBelow) <= 0 ? VarianceTier.SUPERVISOR : VarianceTier.FINANCE;
    }
}
