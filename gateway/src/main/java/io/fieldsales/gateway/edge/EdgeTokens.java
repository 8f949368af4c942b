package io.fieldsales.gateway.edge;

import io.fieldsales.gateway.service.AccessTokenVerifier;
import io.fieldsales.gateway.service.InvalidTokenException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Checks a request's bearer token once, at the edge, for the rate limits, the proxy and denial events. */
@ApplicationScoped
public class EdgeTokens {

    private static final Logger LOG = Logger.getLogger(EdgeTokens.class);

    @Inject
    AccessTokenVerifier verifier;

    VerifiedToken verify(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return VerifiedToken.ABSENT;
        }
        String token = BearerTokens.extract(authorization);
        if (token == null) {
            return VerifiedToken.INVALID;
        }
        try {
            return new VerifiedToken(true, verifier.verify(token));
        } catch (InvalidTokenException e) {
            LOG.debugf("Bearer token refused at the edge: %s", e.getMessage());
            return VerifiedToken.INVALID;
        }
    }
}
