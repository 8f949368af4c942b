package io.fieldsales.gateway.service;

import io.fieldsales.gateway.config.GatewayConfig;
import io.fieldsales.gateway.domain.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

/**
 * Verifies the gateway's access tokens, in process, against its own key set. Deliberately strict, before any
 * library default can be lenient:
 * <ul>
 *   <li>compact JWS only (three parts; no JWE, no unsecured JWT), at most 8 KB;</li>
 *   <li>{@code alg} exactly {@code RS256}: {@code none} in any letter case, {@code HS256} (e.g. signed with the
 *       public key as the HMAC secret) and every other algorithm fail;</li>
 *   <li>{@code jku}, {@code x5u}, {@code jwk}, {@code x5c} and {@code crit} headers fail outright: keys never come
 *       from the token;</li>
 *   <li>{@code kid} required, of at most 64 characters of [A-Za-z0-9_-] (a path or SQL never gets near a lookup), and
 *       one of our published keys;</li>
 *   <li>{@code iss} and {@code aud} required and ours; {@code exp}, {@code iat}, {@code sub}, {@code jti} required;
 *       {@code exp} and {@code nbf} checked with the configured clock skew (30 s); {@code iat} not in the future.</li>
 * </ul>
 */
@ApplicationScoped
public class AccessTokenVerifier {

    static final int MAX_TOKEN_LENGTH = 8192;
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("jku", "x5u", "jwk", "x5c", "crit", "zip");
    private static final AlgorithmConstraints RS256_ONLY = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256);

    @Inject
    GatewayConfig config;

    @Inject
    SigningKeys keys;

    /** The verified claims, or an {@link InvalidTokenException} saying why not (for logs). */
    public JwtClaims verify(String token) throws InvalidTokenException {
        if (token == null || token.isEmpty()) {
            throw new InvalidTokenException("no token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("token too long");
        }
        if (token.chars().filter(c -> c == '.').count() != 2) {
            throw new InvalidTokenException("not a compact JWS");
        }
        JsonWebSignature jws = new JsonWebSignature();
        String kid;
        try {
            jws.setCompactSerialization(token);
            String alg = jws.getHeaders().getStringHeaderValue("alg");
            if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(alg)) {
                throw new InvalidTokenException("algorithm not allowed: " + sanitize(alg));
            }
            for (String header : FORBIDDEN_HEADERS) {
                if (jws.getHeaders().getObjectHeaderValue(header) != null) {
                    throw new InvalidTokenException("forbidden header: " + header);
                }
            }
            Object kidValue = jws.getHeaders().getObjectHeaderValue("kid");
            if (!(kidValue instanceof String s) || !KID.matcher(s).matches()) {
                throw new InvalidTokenException("missing or malformed kid");
            }
            kid = s;
        } catch (JoseException | ClassCastException e) {
            throw new InvalidTokenException("unparseable token");
        }
        Optional<SigningKey> key = keys.current().verificationKey(kid, Instant.now());
        if (key.isEmpty()) {
            throw new InvalidTokenException("unknown kid " + kid);
        }
        long skew = config.tokens().clockSkew().toSeconds();
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(RS256_ONLY)
                .setVerificationKey(key.get().publicKey())
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions((int) skew, (int) Math.max(86_400, config.tokens()
                        .accessTokenLifetime().toSeconds() + skew))
                .setAllowedClockSkewInSeconds((int) skew)
                .setRequireSubject()
                .setRequireJwtId()
                .setExpectedIssuer(true, config.tokens().issuer())
                .setExpectedAudience(true, config.tokens().audience())
                .setEnableRequireIntegrity()
                .build();
        try {
            return consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new InvalidTokenException("rejected: " + e.getErrorDetails().stream()
                    .map(d -> String.valueOf(d.getErrorCode())).toList());
        }
    }

    private static String sanitize(String value) {
        return value == null ? "null" : value.replaceAll("[^A-Za-z0-9]", "?");
    }
}
