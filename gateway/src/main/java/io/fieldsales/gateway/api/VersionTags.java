package io.fieldsales.gateway.api;

import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** A resource's version as its ETag, and the version an {@code If-Match} asks for (428 without one). */
final class VersionTags {

    private VersionTags() {
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version in {@code If-Match}; 428 precondition_required when absent, 400 when not one of our ETags. */
    static long required(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ErrorCode.PRECONDITION_REQUIRED,
                    "If-Match with the " + what + "'s ETag is required to change a " + what);
        }
        try {
            return Long.parseLong(ifMatch.trim().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.validation("If-Match", "is not an ETag of this resource");
        }
    }
}
