package io.fieldsales.cash.service;

import io.fieldsales.cash.domain.CashRuleViolation;
import io.fieldsales.cash.domain.InvalidCashInput;
import io.fieldsales.platform.db.DatabaseErrors;
import io.fieldsales.platform.errors.ProblemException;
import java.util.Map;

/** The problems of this service: every code is in docs/api/errors.md with its status. */
public final class CashProblems {

    /** Status of each business-rule code. */
    static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry("session_already_open", 409),
            Map.entry("session_not_open", 409),
            Map.entry("session_not_counting", 409),
            Map.entry("not_session_owner", 403),
            Map.entry("overpayment", 422),
            Map.entry("currency_mismatch", 422),
            Map.entry("payout_exceeds_cash", 422),
            Map.entry("denominations_mismatch", 422),
            Map.entry("no_decision_pending", 409),
            Map.entry("self_approval", 403),
            Map.entry("approver_role_required", 403),
            Map.entry("same_approver", 403),
            Map.entry("step_already_decided", 409),
            Map.entry("decision_conflict", 409),
            Map.entry("receivable_settled", 409),
            Map.entry("session_already_deposited", 409),
            Map.entry("session_not_closed", 409),
            Map.entry("mixed_currencies", 422),
            Map.entry("deposit_amount_mismatch", 422),
            Map.entry("deposit_already_confirmed", 409));

    private CashProblems() {
    }

    public static ProblemException problem(String code, String detail) {
        int status = STATUS.getOrDefault(code, 422);
        return ProblemException.of(status, code, title(code), detail);
    }

    /** Domain exceptions and known constraint violations become problems; anything else stays as it is. */
    public static Throwable translate(Throwable failure) {
        if (failure instanceof InvalidCashInput invalid) {
            return ProblemException.validation(invalid.field(), invalid.getMessage());
        }
        if (failure instanceof CashRuleViolation rule) {
            return problem(rule.code(), rule.getMessage());
        }
        var unique = DatabaseErrors.uniqueViolation(failure);
        if (unique.isPresent()) {
            return switch (unique.get()) {
                case "cash_session_one_active_per_owner" -> problem("session_already_open",
                        "You already have an open session; close it first");
                case "deposit_session_pkey" -> problem("session_already_deposited",
                        "A session is already in another deposit");
                case "variance_decision_count_id_step_key" -> problem("decision_conflict",
                        "Someone else decided this step at the same time");
                default -> failure;
            };
        }
        return DatabaseErrors.classify(failure);
    }

    private static String title(String code) {
        String spaced = code.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
