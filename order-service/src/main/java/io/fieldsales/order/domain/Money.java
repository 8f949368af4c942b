package io.fieldsales.order.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Money rules: amounts are {@link BigDecimal} in an ISO 4217 currency, stored as numeric(19,4). Rounding happens
 * half-even to the currency's minor unit, and only where the pricing rules say so (line subtotal, tax per line);
 * document totals are sums of rounded line amounts and so need no rounding of their own.
 */
public final class Money {

    /** numeric(19,4): 15 digits before the point. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.9999");
    public static final int STORED_SCALE = 4;

    private Money() {
    }

    /** The ISO currency for a code such as {@code ZAR}; {@code invalid_currency} otherwise. */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new RuleViolation("invalid_currency", "currency must be an ISO 4217 code such as ZAR");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("invalid_currency", "unknown currency " + code);
        }
    }

    /** Digits after the point in the currency's minor unit (0 for currencies without one). */
    public static int minorDigits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /** Rounds half-even to the currency's minor unit. */
    public static BigDecimal round(BigDecimal amount, Currency currency) {
        return amount.setScale(minorDigits(currency), RoundingMode.HALF_EVEN);
    }

    /**
     * A client-given amount in a currency: not negative, not finer than the currency's minor unit (a rounding
     * the client did not ask for would change what they meant) and not larger than the database holds.
     */
    public static BigDecimal requireAmount(String field, BigDecimal amount, Currency currency) {
        if (amount == null) {
            throw new RuleViolation("invalid_amount", field + " is required");
        }
        if (amount.signum() < 0) {
            throw new RuleViolation("invalid_amount", field + " must not be negative");
        }
        if (amount.stripTrailingZeros().scale() > minorDigits(currency)) {
            throw new RuleViolation("invalid_amount", field + " has more decimals than " + currency.getCurrencyCode()
                    + " allows (" + minorDigits(currency) + ")");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new RuleViolation("invalid_amount", field + " is too large");
        }
        return amount;
    }

    /** Never below zero: prices and totals floor at 0. */
    public static BigDecimal atLeastZero(BigDecimal amount) {
        return amount.signum() < 0 ? BigDecimal.ZERO : amount;
    }
}
