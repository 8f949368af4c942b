package io.fieldsales.platform.errors;

import jakarta.ws.rs.core.Response.Status;

/**
 * The platform's stable error codes. Services add their own codes (e.g. {@code duplicate_contact}) as plain
 * strings through {@link ProblemException}; every code is listed in {@code docs/api/errors.md}.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Validation failed"),
    MALFORMED_JSON(400, "Malformed JSON"),
    INVALID_PARAMETER(400, "Invalid parameter"),
    INVALID_IDEMPOTENCY_KEY(400, "Invalid Idempotency-Key"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    TENANT_REQUIRED(403, "Tenant required"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    REQUEST_IN_PROGRESS(409, "Request in progress"),
    VERSION_CONFLICT(412, "Version conflict"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key reused"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    RATE_LIMITED(429, "Too many requests"),
    INTERNAL_ERROR(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The snake_case code clients match on. */
    public String code() {
        return name().toLowerCase();
    }

    /** The code a plain HTTP status maps to when nothing more specific is known. */
    public static ErrorCode forStatus(int status) {
        for (ErrorCode c : values()) {
            if (c.status == status) {
                return c;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : Status.Family.familyOf(status) == Status.Family.CLIENT_ERROR
                ? INVALID_PARAMETER : INTERNAL_ERROR;
    }
}
