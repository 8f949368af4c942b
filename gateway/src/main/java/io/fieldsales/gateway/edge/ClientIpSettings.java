package io.fieldsales.gateway.edge;

import io.fieldsales.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Applies {@code fieldsales.gateway.edge.behind-proxy} and {@code trusted-proxies} to {@link ClientIp} at start-up. */
@ApplicationScoped
public class ClientIpSettings {

    private static final Logger LOG = Logger.getLogger(ClientIpSettings.class);

    @Inject
    GatewayConfig config;

    void start(@Observes StartupEvent event) {
        try {
            ClientIp.configure(config.edge().behindProxy(), config.edge().trustedProxies());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("FIELDSALES_TRUSTED_PROXIES (fieldsales.gateway.edge.trusted-proxies): "
                    + e.getMessage(), e);
        }
        if (config.edge().behindProxy()) {
            LOG.infof("Behind a proxy: the client is the right-most X-Forwarded-For entry not in %s",
                    config.edge().trustedProxies());
        }
    }
}
