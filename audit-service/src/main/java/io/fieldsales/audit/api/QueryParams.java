package io.fieldsales.audit.api;

import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parsing and bounds of query parameters; every failure is a 400 problem naming the parameter. */
final class QueryParams {

    static final int MAX_TEXT = 200;

    private QueryParams() {
    }

    static int limit(Integer limit, int defaultLimit, int max) {
        if (limit == null) {
            return defaultLimit;
        }
        if (limit < 1 || limit > max) {
            throw ProblemException.validation("limit", "must be between 1 and " + max);
        }
        return limit;
    }

    static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ProblemException(ErrorCode.INVALID_PARAMETER,
                    name + " must be an ISO-8601 date-time with offset, e.g. 2026-01-31T12:00:00Z").with("parameter", name);
        }
    }

    static String text(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw ProblemException.validation(name, "must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    static Long sequence(String name, Long value) {
        if (value != null && value < 1) {
            throw ProblemException.validation(name, "must be at least 1");
        }
        return value;
    }
}
