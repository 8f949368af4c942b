package io.fieldsales.customer.service;

import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import java.util.UUID;

/** The problems this service answers with; every code is listed in docs/api/errors.md. */
public final class CustomerProblems {

    private CustomerProblems() {
    }

    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No customer " + id);
    }

    public static ProblemException duplicateContact(String kind, UUID existingCustomerId) {
        return ProblemException.of(409, "duplicate_contact", "Duplicate contact",
                        "This " + kind + " already belongs to another customer")
                .with("existingCustomerId", existingCustomerId)
                .with("field", kind);
    }

    public static ProblemException versionConflict(long currentVersion) {
        return new ProblemException(ErrorCode.VERSION_CONFLICT,
                "The customer was changed by someone else; fetch it again and retry")
                .with("currentVersion", currentVersion);
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(ErrorCode.PRECONDITION_REQUIRED,
                "Send If-Match with the customer's ETag to change it");
    }

    /** A change of a MERGED or ERASED customer; for a merged one, {@code mergedInto} names where to go instead. */
    public static ProblemException notActive(UUID id, String status, UUID mergedInto) {
        ProblemException p = ProblemException.of(409, "customer_not_active", "Customer not active",
                "Customer " + id + " is " + status + " and cannot be changed").with("status", status);
        return mergedInto == null ? p : p.with("mergedInto", mergedInto);
    }

    public static ProblemException notDeleted(UUID id, String status) {
        return ProblemException.of(409, "customer_not_deleted", "Customer not deleted",
                "Customer " + id + " is " + status + ", only deleted customers can be restored").with("status", status);
    }

    public static ProblemException mergeIntoSelf(UUID id) {
        return ProblemException.of(409, "merge_into_self", "Merge into itself",
                "Customer " + id + " cannot be merged into itself");
    }

    public static ProblemException mergeTargetNotActive(UUID id, String status) {
        return ProblemException.of(409, "merge_target_not_active", "Merge target not active",
                "Customer " + id + " is " + status + "; merge into an active customer").with("status", status);
    }

    public static ProblemException mergeSourceNotActive(UUID id, String status) {
        return ProblemException.of(409, "merge_source_not_active", "Merge source not active",
                "Customer " + id + " is " + status + " and cannot be merged").with("sourceId", id).with("status", status);
    }
}
