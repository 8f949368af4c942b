package io.fieldsales.cash.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The money of one session: the opening float, collections per method and payouts. Only cash is in the drawer,
 * so expected cash = opening float + CASH collections - payouts, and variance = counted - expected (negative is a
 * shortage, positive an overage). Immutable: every operation returns a new ledger.
 */
public final class CashLedger {

    private final BigDecimal openingFloat;
    private final Map<PaymentMethod, BigDecimal> collected;
    private final BigDecimal payouts;

    private CashLedger(BigDecimal openingFloat, Map<PaymentMethod, BigDecimal> collected, BigDecimal payouts) {
        this.openingFloat = openingFloat;
        this.collected = collected;
        this.payouts = payouts;
    }

    public static CashLedger open(BigDecimal openingFloat) {
        if (openingFloat.signum() < 0) {
            throw new IllegalArgumentException("opening float must not be negative");
        }
        Map<PaymentMethod, BigDecimal> none = new EnumMap<>(PaymentMethod.class);
        for (PaymentMethod m : PaymentMethod.values()) {
            none.put(m, BigDecimal.ZERO);
        }
        return new CashLedger(openingFloat, none, BigDecimal.ZERO);
    }

    /** A ledger rebuilt from stored running totals. */
    public static CashLedger of(BigDecimal openingFloat, Map<PaymentMethod, BigDecimal> totals, BigDecimal payouts) {
        CashLedger l = open(openingFloat);
        for (Map.Entry<PaymentMethod, BigDecimal> e : totals.entrySet()) {
            l = l.collect(e.getKey(), e.getValue());
        }
        return payouts.signum() == 0 ? l : l.payout(payouts);
    }

    public CashLedger collect(PaymentMethod method, BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a collection is never negative");
        }
        Map<PaymentMethod, BigDecimal> next = new EnumMap<>(collected);
        next.merge(method, amount, BigDecimal::add);
        return new CashLedger(openingFloat, next, payouts);
    }

    public CashLedger payout(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a payout is positive");
        }
        return new CashLedger(openingFloat, collected, payouts.add(amount));
    }

    public BigDecimal openingFloat() {
        return openingFloat;
    }

    public BigDecimal collected(PaymentMethod method) {
        return collected.get(method);
    }

    public BigDecimal payouts() {
        return payouts;
    }

    /** Opening float + CASH collections - payouts. */
    public BigDecimal expectedCash() {
        return openingFloat.add(collected.get(PaymentMethod.CASH)).subtract(payouts);
    }

    /** Whether a payout of this amount would take more cash out than the drawer should hold. */
    public boolean wouldOverdraw(BigDecimal payout) {
        return expectedCash().subtract(payout).signum() < 0;
    }

    /** Counted - expected: negative is a shortage, positive an overage. */
    public BigDecimal variance(BigDecimal counted) {
        return counted.subtract(expectedCash());
    }
}
