package io.fieldsales.platform.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by services for every expected failure; the platform renders it as problem+json. Carries the HTTP status,
 * the stable code, a human detail, optional extension members and optional response headers (e.g. Retry-After).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String code, String title, String detail, List<FieldError> fieldErrors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    public ProblemException(ErrorCode code, String detail) {
        this(code.status(), code.code(), code.title(), detail, List.of());
    }

    /** A service-specific problem, e.g. {@code of(409, "duplicate_contact", "Duplicate contact", "...")}. */
    public static ProblemException of(int status, String code, String title, String detail) {
        return new ProblemException(status, code, title, detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ErrorCode.NOT_FOUND, detail);
    }

    public static ProblemException validation(List<FieldError> errors) {
        return new ProblemException(ErrorCode.VALIDATION_FAILED.status(), ErrorCode.VALIDATION_FAILED.code(),
                ErrorCode.VALIDATION_FAILED.title(), "The request has invalid fields", errors);
    }

    public static ProblemException validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    /** Adds an extension member to the problem document. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
