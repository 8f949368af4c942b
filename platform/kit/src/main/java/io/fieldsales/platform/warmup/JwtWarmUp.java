package io.fieldsales.platform.warmup;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Runs one token verification before readiness: the verification keys (JWKS) are fetched and the JSON and RSA code
 * paths loaded, instead of by the first request. The token is a made-up one, so verification fails; that is the
 * expected outcome, not a failed warm-up.
 */
@ApplicationScoped
public class JwtWarmUp implements WarmUp {

    private static final Logger LOG = Logger.getLogger(JwtWarmUp.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String TOKEN = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}"
            .getBytes(StandardCharsets.UTF_8)) + '.' + B64.encodeToString(("{\"iss\":\"warm-up\",\"sub\":\"warm-up\","
            + "\"exp\":1}").getBytes(StandardCharsets.UTF_8)) + '.' + B64.encodeToString(new byte[256]);

    @Inject
    JWTParser parser;

    @Override
    public String name() {
        return "jwt-verification";
    }

    @Override
    public Uni<Void> run() {
        return Uni.createFrom().<Void>item(() -> {
            try {
                parser.parse(TOKEN);
            } catch (ParseException expected) {
                LOG.tracef("warm-up token rejected as expected: %s", expected.getMessage());
            }
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
