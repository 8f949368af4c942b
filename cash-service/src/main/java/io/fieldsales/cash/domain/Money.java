package io.fieldsales.cash.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Money rules: ISO 4217 currencies, amounts as {@link BigDecimal} stored with 4 decimals, and never more decimals
 * than the currency has (12.345 ZAR is refused, not rounded: a rounded amount is money that silently changed).
 */
public final class Money {

    /** The scale amounts are stored with (numeric(19,4)). */
    public static final int STORED_SCALE = 4;
    /** The largest amount numeric(19,4) holds, kept well below it so sums of many amounts still fit. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    private static final Pattern ISO_CODE = Pattern.compile("[A-Z]{3}");

    private Money() {
    }

    /** The currency's code if it is an ISO 4217 code Java knows; otherwise an {@link InvalidCashInput}. */
    public static String currency(String field, String code) {
        if (code == null || !ISO_CODE.matcher(code).matches()) {
            throw new InvalidCashInput(field, "must be an ISO 4217 currency code such as ZAR");
        }
        try {
            Currency c = Currency.getInstance(code);
            if (c.getDefaultFractionDigits() < 0) {
                throw new InvalidCashInput(field, "is not a currency with a fixed number of decimals");
            }
            return c.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new InvalidCashInput(field, "is not a known ISO 4217 currency");
        }
    }

    /** How many decimals the currency has (ZAR 2, JPY 0, KWD 3). */
    public static int fractionDigits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** Whether the amount has no more decimals than the currency allows (trailing zeros do not count). */
    public static boolean fitsCurrency(BigDecimal amount, String currency) {
        return decimals(amount) <= fractionDigits(currency);
    }

    static int decimals(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return Math.max(stripped.scale(), 0);
    }

    /** A strictly positive amount in the currency's precision, at the stored scale. */
    public static BigDecimal positive(String field, BigDecimal amount, String currency) {
        BigDecimal a = amount(field, amount, currency);
        if (a.signum() <= 0) {
            throw new InvalidCashInput(field, "must be greater than 0");
        }
        return a;
    }

    /** A zero or positive amount in the currency's precision, at the stored scale. */
    public static BigDecimal nonNegative(String field, BigDecimal amount, String currency) {
        BigDecimal a = amount(field, amount, currency);
        if (a.signum() < 0) {
            throw new InvalidCashInput(field, "must not be negative");
        }
        return a;
    }

    private static BigDecimal amount(String field, BigDecimal amount, String currency) {
        if (amount == null) {
            throw new InvalidCashInput(field, "is required");
        }
        if (amount.abs().compareTo(MAX_AMOUNT) >= 0) {
            throw new InvalidCashInput(field, "is too large");
        }
        if (!fitsCurrency(amount, currency)) {
            throw new InvalidCashInput(field, "has more decimals than " + currency + " allows ("
                    + fractionDigits(currency) + ")");
        }
        return stored(amount);
    }

    /** The amount at the stored scale (exact: callers checked the precision first). */
    public static BigDecimal stored(BigDecimal amount) {
        return amount.setScale(STORED_SCALE, RoundingMode.UNNECESSARY);
    }

    /** The amount as shown to clients: with the currency's decimals (exact). */
    public static BigDecimal display(BigDecimal amount, String currency) {
        return amount == null ? null : amount.setScale(fractionDigits(currency), RoundingMode.UNNECESSARY);
    }
}
