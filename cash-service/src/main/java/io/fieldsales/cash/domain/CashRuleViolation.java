package io.fieldsales.cash.domain;

/**
 * A business rule that refuses an otherwise well-formed request ({@code overpayment}, {@code denominations_mismatch},
 * {@code self_approval}...). The code is stable; the service layer decides the HTTP status.
 */
public class CashRuleViolation extends RuntimeException {

    private final String code;

    public CashRuleViolation(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
