package io.fieldsales.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(12, Set.of("password", "qwerty", "iloveyou",
            "correcthorsebatterystaple"));

    @Test
    void refusesShortUsernameEqualCommonAndRepeatedPasswords() {
        Map<String, String> refused = Map.of(
                "eleven-char", "must have at least 12 characters",
                "Maria.Lopez99", "must not be the username",
                "Password1234!", "is too common",
                "!!QWERTY2024!!", "is too common",
                "CorrectHorseBatteryStaple", "is too common",
                "abcabcabcabc", "is too common",
                "111111111111", "is too common",
                "x".repeat(129), "must have at most 128 characters");
        refused.forEach((password, reason) ->
                assertThat(policy.violation("maria.lopez99", password)).as(password).contains(reason));
    }

    @Test
    void acceptsLongUncommonPasswordsCountingCodePoints() {
        assertThat(policy.violation("maria", "Correct-Gateway-Staple-42")).isEmpty();
        assertThat(policy.violation("maria", "pässwörd-grün-7")).isEmpty();
        // 12 emoji are 12 characters, not 24 UTF-16 units
        assertThat(policy.violation("maria", "\uD83D\uDE00".repeat(11))).contains("must have at least 12 characters");
    }
}
