package io.fieldsales.gateway.edge;

/** Reads the token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive). */
public final class BearerTokens {

    private BearerTokens() {
    }

    /** The token, or null if the header is not a well-formed bearer credential. */
    public static String extract(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).trim();
        return token.isEmpty() || token.contains(" ") ? null : token;
    }
}
