package io.fieldsales.gateway.service;

import io.fieldsales.gateway.config.GatewayConfig;
import io.fieldsales.gateway.repository.PlatformAdmins;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * On the first start (no platform user yet), creates the platform admin from
 * {@code FIELDSALES_BOOTSTRAP_ADMIN_USERNAME} / {@code FIELDSALES_BOOTSTRAP_ADMIN_PASSWORD}. Without a password the
 * gateway refuses to start (no baked-in default in production), and a password that breaks the policy is refused
 * too. The password is never logged. Runs on the main thread before the gateway serves (plain JDBC).
 */
@ApplicationScoped
public class PlatformAdminBootstrap {

    private static final Logger LOG = Logger.getLogger(PlatformAdminBootstrap.class);

    @Inject
    GatewayConfig config;

    @Inject
    PlatformAdmins platformAdmins;

    @Inject
    PasswordRules passwordRules;

    @Inject
    PasswordHasher hasher;

    void start(@Observes StartupEvent event) throws Exception {
        if (platformAdmins.anyExists()) {
            return;
        }
        String username = config.bootstrapAdmin().username().trim().toLowerCase(Locale.ROOT);
        String password = config.bootstrapAdmin().password().filter(p -> !p.isBlank())
                .orElseThrow(() -> new IllegalStateException("No platform admin exists yet: set "
                        + "FIELDSALES_BOOTSTRAP_ADMIN_PASSWORD (and optionally _USERNAME) for the first start"));
        try {
            passwordRules.check("FIELDSALES_BOOTSTRAP_ADMIN_PASSWORD", username, password);
        } catch (RuntimeException e) {
            throw new IllegalStateException("FIELDSALES_BOOTSTRAP_ADMIN_PASSWORD breaks the password policy: "
                    + e.getMessage());
        }
        if (platformAdmins.create(username, hasher.hashBlocking(password))) {
            LOG.infof("Bootstrapped platform admin '%s'", username);
        }
    }
}
