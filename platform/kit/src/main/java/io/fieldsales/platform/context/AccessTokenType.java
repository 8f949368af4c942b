package io.fieldsales.platform.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Locale;

/**
 * RFC 9068: an access token declares itself with the JOSE header {@code typ: at+jwt} (or the full media type
 * {@code application/at+jwt}), so that no other JWT signed with the same key (an ID token, a signed event, a token
 * of another kind we may issue later) is ever accepted as a bearer token.
 */
public final class AccessTokenType {

    public static final String AT_JWT = "at+jwt";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A JOSE header is small; anything larger is not one of our tokens. */
    private static final int MAX_HEADER_CHARS = 2048;

    private AccessTokenType() {
    }

    /** Whether the compact JWS's header declares it an access token; false for anything unreadable. */
    public static boolean isAccessToken(String compactJws) {
        if (compactJws == null) {
            return false;
        }
        int dot = compactJws.indexOf('.');
        if (dot <= 0 || dot > MAX_HEADER_CHARS) {
            return false;
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(compactJws.substring(0, dot)));
            JsonNode typ = header == null ? null : header.get("typ");
            if (typ == null || !typ.isTextual()) {
                return false;
            }
            String value = typ.asText().toLowerCase(Locale.ROOT);
            return value.equals(AT_JWT) || value.equals("application/" + AT_JWT);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
