package io.fieldsales.gateway.service;

import io.fieldsales.gateway.config.GatewayConfig;
import io.fieldsales.gateway.domain.PasswordPolicy;
import io.fieldsales.platform.errors.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The password policy with the bundled common-password list ({@code security/common-passwords.txt}). */
@ApplicationScoped
public class PasswordRules {

    private final PasswordPolicy policy;

    @Inject
    public PasswordRules(GatewayConfig config) {
        this.policy = new PasswordPolicy(config.passwords().minLength(), loadCommonPasswords());
    }

    /** Throws 400 validation_failed on the given field when the password breaks the policy. */
    public void check(String field, String username, String password) {
        policy.violation(username, password).ifPresent(message -> {
            throw ProblemException.validation(field, message);
        });
    }

    static Set<String> loadCommonPasswords() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
