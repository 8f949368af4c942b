package io.fieldsales.order.domain;

/**
 * A business rule said no. The {@code code} is the stable snake_case problem code the API answers with (the API
 * layer chooses the HTTP status); {@code detail} is for people.
 */
public class RuleViolation extends RuntimeException {

    private final String code;

    public RuleViolation(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
