package io.fieldsales.gateway.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Password rules: at least {@code minLength} characters (code points), at most 128 (bcrypt reads 72 bytes; longer
 * inputs are pre-hashed), not the username, and not a common password, also after stripping the digits and
 * symbols people append ("Password123!" is "password").
 */
public final class PasswordPolicy {

    public static final int MAX_LENGTH = 128;

    private final int minLength;
    private final Set<String> commonPasswords;

    public PasswordPolicy(int minLength, Set<String> commonPasswords) {
        this.minLength = minLength;
        this.commonPasswords = commonPasswords;
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public Optional<String> violation(String username, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            return Optional.of("must have at least " + minLength + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must have at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not be the username");
        }
        if (isCommon(lower)) {
            return Optional.of("is too common");
        }
        return Optional.empty();
    }

    private boolean isCommon(String lower) {
        if (commonPasswords.contains(lower)) {
            return true;
        }
        String core = lower.replaceAll("[^\\p{L}]+$", "").replaceAll("^[^\\p{L}]+", "");
        if (!core.isEmpty() && commonPasswords.contains(core)) {
            return true;
        }
        // the same word or digit run repeated ("passwordpassword", "123412341234")
        for (int unit = 1; unit <= lower.length() / 2; unit++) {
            if (lower.length() % unit == 0 && lower.equals(lower.substring(0, unit).repeat(lower.length() / unit))) {
                return true;
            }
        }
        return false;
    }
}
