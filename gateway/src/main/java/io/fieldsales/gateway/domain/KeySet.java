package io.fieldsales.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's signing keys at one moment, and the rotation rules:
 * <ul>
 *   <li>a key is published (JWKS, accepted for verification) from its creation, so verifiers learn it before it
 *       signs anything;</li>
 *   <li>the newest key whose activation time has come signs new tokens;</li>
 *   <li>a key superseded by a newer active key stays published for one token lifetime (plus clock skew) after the
 *       newer one activated, so tokens it signed stay valid until they expire; then it is dropped;</li>
 *   <li>a retired key (compromised) is dropped at once.</li>
 * </ul>
 */
public record KeySet(List<SigningKey> keys, Duration tokenLifetime, Duration clockSkew) {

    public KeySet {
        keys = keys.stream().sorted(Comparator.comparing(SigningKey::activatesAt).thenComparing(SigningKey::kid))
                .toList();
    }

    public static KeySet empty(Duration tokenLifetime, Duration clockSkew) {
        return new KeySet(List.of(), tokenLifetime, clockSkew);
    }

    /** The key that signs tokens now. */
    public Optional<SigningKey> signingKey(Instant now) {
        SigningKey current = null;
        for (SigningKey k : keys) {
            if (!k.activatesAt().isAfter(now) && !retired(k, now)) {
                current = k;
            }
        }
        return Optional.ofNullable(current);
    }

    /** The keys a verifier may accept now, oldest first. */
    public List<SigningKey> published(Instant now) {
        return keys.stream().filter(k -> isPublished(k, now)).toList();
    }

    /** The published key with this id, if any. */
    public Optional<SigningKey> verificationKey(String kid, Instant now) {
        return keys.stream().filter(k -> k.kid().equals(kid) && isPublished(k, now)).findFirst();
    }

    private boolean isPublished(SigningKey k, Instant now) {
        if (retired(k, now)) {
            return false;
        }
        for (SigningKey newer : keys) {
            if (newer.activatesAt().isAfter(k.activatesAt()) && !retired(newer, now)
                    && !newer.activatesAt().isAfter(now)
                    && newer.activatesAt().plus(tokenLifetime).plus(clockSkew).isBefore(now)) {
                return false;
            }
        }
        return true;
    }

    private static boolean retired(SigningKey k, Instant now) {
        return k.retiredAt() != null && !k.retiredAt().isAfter(now);
    }
}
