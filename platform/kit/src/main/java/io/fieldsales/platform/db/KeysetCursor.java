package io.fieldsales.platform.db;

import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.FieldError;
import io.fieldsales.platform.errors.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The opaque {@code cursor} of a keyset-paginated list ({@code {items, nextCursor}}): the position of the last item
 * returned (an id, a sequence, a timestamp and an id...) as URL-safe base64 text, so clients pass it back without
 * reading it. A cursor this service did not issue is a 400 {@code invalid_parameter}.
 */
public final class KeysetCursor {

    private KeysetCursor() {
    }

    /** The cursor for a position written as text by the list's own format. */
    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position a cursor holds, read by {@code parse} (which throws on anything it did not write); {@code null}
     * when there is no cursor (the first page).
     */
    public static <T> T decode(String cursor, Function<String, T> parse) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            T position = parse.apply(new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8));
            if (position == null) {
                throw new IllegalArgumentException("no position");
            }
            return position;
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    /** 400 invalid_parameter for a cursor this service did not issue. */
    public static ProblemException invalid() {
        return new ProblemException(ErrorCode.INVALID_PARAMETER.status(), ErrorCode.INVALID_PARAMETER.code(),
                ErrorCode.INVALID_PARAMETER.title(), "The cursor is not one this service issued",
                List.of(new FieldError("cursor", "is not a cursor this service issued"))).with("parameter", "cursor");
    }
}
