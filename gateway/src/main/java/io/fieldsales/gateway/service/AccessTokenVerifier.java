package io.fieldsales.gateway.service;

import io.fieldsales.gateway.config.GatewayConfig;
import io.fieldsales.gateway.domain.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 *   <li>{@code typ} must be {@code at+jwt} (RFC 9068), so no other kind of JWT passes as an access token;</li>
 *   <li>{@code iss} and {@code aud} required and ours; {@code exp}, {@code iat}, {@code sub}, {@code jti} required;
 *       {@code exp} and {@code nbf} checked with the configured clock skew (30 s); {@code iat} not in the future.</li>
 * </ul>
 */
@ApplicationScoped
public class AccessTokenVerifier {

    static final int MAX_TOKEN_LENGTH = 8192;
    /** The {@code typ} header of an access token (RFC 9068); {@code application/at+jwt} is accepted too. */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("jku", "x5u", "jwk", "x5c", "crit", "zip");
    private static final AlgorithmConstraints RS256_ONLY = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256);

    @Inject
    GatewayConfig config;

    @Inject
    SigningKeys keys;

    @Inject
    DisabledUsers disabledUsers;

    /**
     * Tokens already verified, until they expire: a client sends the same token for up to 15 minutes, and the gateway
     * checks each request's token at the edge and again for its own endpoints. A hit is the byte-identical token, so
     * it had a valid signature; expiry and the key's publication are re-checked on every hit. Bounded: cleared when
     * full. Callers must not modify the returned claims.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 20_000;

    private record Verified(JwtClaims claims, String kid, long expiresAtSeconds) {
    }

    /** The verified claims (shared: do not modify them), or an {@link InvalidTokenException} saying why not. */
    public JwtClaims verify(String token) throws InvalidTokenException {
        Verified hit = token == null ? null : verified.get(token);
        if (hit != null) {
            Instant now = Instant.now();
            if (now.getEpochSecond() <= hit.expiresAtSeconds() + config.tokens().clockSkew().toSeconds()
                    && keys.current().verificationKey(hit.kid(), now).isPresent()) {
                return notDisabled(hit.claims());
            }
            verified.remove(token);
        }
        JwtClaims claims = notDisabled(verifyFully(token));
        try {
            if (verified.size() >= CACHE_LIMIT) {
                verified.clear();
            }
            verified.put(token, new Verified(claims, jwsKid(token), claims.getExpirationTime().getValue()));
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            throw new InvalidTokenException("malformed exp");
        }
        return claims;
    }

    private JwtClaims notDisabled(JwtClaims claims) throws InvalidTokenException {
        try {
            if (disabledUsers.isDisabled(claims.getSubject())) {
                throw new InvalidTokenException("user disabled");
            }
            Object tenant = claims.getClaimValue("tenant_id");
            if (tenant != null && disabledUsers.isTenantDisabled(tenant.toString())) {
                throw new InvalidTokenException("tenant disabled");
            }
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            throw new InvalidTokenException("malformed sub");
        }
        return claims;
    }

    private static String jwsKid(String token) throws InvalidTokenException {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(token);
            return jws.getKeyIdHeaderValue();
        } catch (JoseException e) {
            throw new InvalidTokenException("unparseable token");
        }
    }

    private JwtClaims verifyFully(String token) throws InvalidTokenException {
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
                // RFC 9068: only access tokens (typ at+jwt) are accepted as bearer tokens, never another JWT of ours
                .setExpectedType(true, ACCESS_TOKEN_TYPE)
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
