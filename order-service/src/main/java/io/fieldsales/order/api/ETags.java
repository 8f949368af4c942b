package io.fieldsales.order.api;

import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** ETags are versions: {@code "3"}. If-Match accepts {@code "3"}, {@code W/"3"} or {@code 3}; it is required. */
final class ETags {

    private ETags() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version If-Match names; 428 when missing, 412 when unreadable (it can match nothing). */
    static long required(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ErrorCode.PRECONDITION_REQUIRED,
                    "Send If-Match with the " + what + "'s ETag to change it");
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ProblemException(ErrorCode.VERSION_CONFLICT, "If-Match does not name a version of this " + what);
        }
    }
}
