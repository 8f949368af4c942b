package io.fieldsales.platform.context;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stops a service at start when it does not know where the gateway publishes its keys (FIELDSALES_JWKS_URL, required
 * in production): a silent default would make it trust whatever answers on that address.
 */
@ApplicationScoped
public class JwksUrlCheck {

    public static final String PROPERTY = "fieldsales.jwks-url";
    static final String MESSAGE = "FIELDSALES_JWKS_URL is not set: set it to the gateway's key set, e.g. "
            + "https://gateway.example/.well-known/jwks.json (services verify every access token against it)";

    void onStart(@Observes StartupEvent event) {
        requirePresent(ConfigProvider.getConfig().getOptionalValue(PROPERTY, String.class));
    }

    /** The URL, or an {@link IllegalStateException} saying which variable to set. */
    public static String requirePresent(Optional<String> jwksUrl) {
        return jwksUrl.filter(url -> !url.isBlank()).orElseThrow(() -> new IllegalStateException(MESSAGE));
    }
}
