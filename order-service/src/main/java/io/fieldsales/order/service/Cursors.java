package io.fieldsales.order.service;

import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque keyset cursors: the sort key of the last item, base64url-encoded; a tampered cursor is a 400. */
public final class Cursors {

    private static final char SEP = '\u001f';

    private Cursors() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEP), parts).getBytes(StandardCharsets.UTF_8));
    }

    public static List<String> decode(String cursor, int parts) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = List.of(raw.split(String.valueOf(SEP), -1));
            if (values.size() != parts) {
                throw new IllegalArgumentException("parts");
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ErrorCode.INVALID_PARAMETER, "cursor is not one this service issued");
        }
    }

    /** A bounded page size: default 50, 1..200. */
    public static int limit(Integer limit) {
        if (limit == null) {
            return 50;
        }
        if (limit < 1 || limit > 200) {
            throw ProblemException.validation("limit", "must be between 1 and 200");
        }
        return limit;
    }
}
