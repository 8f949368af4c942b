package io.fieldsales.order.service;

import io.fieldsales.order.domain.InsufficientStock;
import io.fieldsales.order.domain.InvalidTransition;
import io.fieldsales.order.domain.RuleViolation;
import io.fieldsales.platform.db.DatabaseErrors;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import java.util.Map;

/**
 * Turns a domain rule's refusal into its problem (status + stable code, all listed in docs/api/errors.md), before
 * the Idempotency-Key helper sees it, so that a refused create is stored and replayed like any 4xx.
 */
public final class RuleProblems {

    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry("validation_failed", 400),
            Map.entry("invalid_quantity", 400),
            Map.entry("invalid_discount", 400),
            Map.entry("invalid_amount", 400),
            Map.entry("invalid_currency", 400),
            Map.entry("currency_mismatch", 422),
            Map.entry("unknown_sku", 422),
            Map.entry("product_inactive", 422),
            Map.entry("customer_not_active", 422),
            Map.entry("return_exceeds_delivery", 422),
            Map.entry("insufficient_stock", 409),
            Map.entry("invalid_transition", 409),
            Map.entry("refund_exceeds_credit", 409),
            Map.entry("quotation_expired", 409),
            Map.entry("approval_not_pending", 409),
            Map.entry("duplicate_sku", 409),
            Map.entry("self_approval", 403),
            Map.entry("same_approver", 403),
            Map.entry("forbidden", 403),
            Map.entry("not_found", 404));

    private RuleProblems() {
    }

    public static ProblemException of(RuleViolation v) {
        int status = STATUS.getOrDefault(v.code(), 422);
        String title = v.code().substring(0, 1).toUpperCase() + v.code().substring(1).replace('_', ' ');
        ProblemException p = ProblemException.of(status, v.code(), title, v.getMessage());
        if (v instanceof InsufficientStock s) {
            p.with("shortages", s.shortages());
        }
        if (v instanceof InvalidTransition t) {
            p.with("currentStatus", t.currentStatus());
        }
        return p;
    }

    /** For {@code .onFailure().transform(RuleProblems::translate)}: rule violations become problems. */
    public static Throwable translate(Throwable t) {
        if (t instanceof RuleViolation v) {
            return of(v);
        }
        return DatabaseErrors.classify(t);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ErrorCode.NOT_FOUND, "No such " + what);
    }
}
