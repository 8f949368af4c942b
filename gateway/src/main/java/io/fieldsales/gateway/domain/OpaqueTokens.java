package io.fieldsales.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Opaque refresh tokens: 256 random bits, base64url. Stored as SHA-256 only; a fast hash is right here because the
 * value has full entropy (nothing to brute-force), unlike a password.
 */
public final class OpaqueTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A well-formed token is 43 base64url characters; anything else is not looked up at all. */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c)
                || c == '-' || c == '_');
    }
}
