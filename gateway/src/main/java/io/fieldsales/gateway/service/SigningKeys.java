package io.fieldsales.gateway.service;

import io.fieldsales.gateway.config.GatewayConfig;
import io.fieldsales.gateway.domain.KeyCipher;
import io.fieldsales.gateway.domain.KeySet;
import io.fieldsales.gateway.domain.SigningKey;
import io.fieldsales.gateway.repository.SigningKeyRepository;
import io.fieldsales.gateway.repository.SigningKeyRepository.NewKey;
import io.fieldsales.gateway.repository.SigningKeyRepository.StoredKey;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The gateway's RS256 keys: made on first start, rotated on schedule (or on demand), kept in the database with
 * their private halves encrypted, and cached in memory by every replica (reloaded every few seconds), so token
 * verification never leaves the process.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final DateTimeFormatter KID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    GatewayConfig config;

    @Inject
    SigningKeyRepository repository;

    @Inject
    Vertx vertx;

    private KeyCipher cipher;
    private volatile KeySet keySet;
    private final List<Long> timers = new ArrayList<>();

    void start(@Observes @Priority(10) StartupEvent event) throws Exception {
        cipher = new KeyCipher(config.keys().encryptionKey());
        keySet = KeySet.empty(config.tokens().accessTokenLifetime(), config.tokens().clockSkew());
        List<StoredKey> stored = repository.loadAllBlocking();
        if (stored.stream().noneMatch(k -> k.retiredAt() == null)) {
            repository.insertFirstBlocking(newKey());
            stored = repository.loadAllBlocking();
            LOG.info("Created the first token signing key");
        }
        keySet = toKeySet(stored);
        timers.add(vertx.setPeriodic(config.keys().refreshInterval().toMillis(), id -> reload().subscribe()
                .with(ignored -> { }, f -> LOG.warnf("Cannot reload the signing keys: %s", f.toString()))));
        long rotationCheck = Math.max(60_000, Math.min(3_600_000, config.keys().rotationInterval().toMillis() / 10));
        timers.add(vertx.setPeriodic(rotationCheck, id -> {
            if (rotationDue()) {
                rotate(true).subscribe().with(kid -> {
                    if (kid != null) {
                        LOG.infof("Rotated the token signing key: %s signs from %s on", kid,
                                Instant.now().plus(config.keys().activationDelay()));
                    }
                }, f -> LOG.warnf("Scheduled key rotation failed: %s", f.toString()));
            }
        }));
    }

    /** Whether the newest key is older than the rotation interval (the database re-checks under a lock). */
    boolean rotationDue() {
        Instant newest = keySet.keys().stream().filter(k -> k.retiredAt() == null).map(SigningKey::createdAt)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        return newest.plus(config.keys().rotationInterval()).isBefore(Instant.now());
    }

    void stop(@Observes ShutdownEvent event) {
        timers.forEach(vertx::cancelTimer);
    }

    public KeySet current() {
        return keySet;
    }

    public Optional<SigningKey> signingKey() {
        return keySet.signingKey(Instant.now());
    }

    /** Re-reads the keys from the database (other replicas may have rotated). */
    public Uni<KeySet> reload() {
        return repository.loadAll().map(stored -> {
            keySet = toKeySet(stored);
            return keySet;
        });
    }

    /**
     * Makes a new key (on a worker thread: RSA key generation takes a while) that signs after the activation
     * delay; {@code onlyIfDue} makes it a no-op unless the newest key is older than the rotation interval.
     * Emits the new kid, or null when no key was due.
     */
    public Uni<String> rotate(boolean onlyIfDue) {
        io.vertx.mutiny.core.Vertx mutinyVertx = io.vertx.mutiny.core.Vertx.newInstance(vertx);
        return mutinyVertx.executeBlocking(Uni.createFrom().item(this::newKey), false)
                .chain(key -> repository.insert(key, config.keys().activationDelay(),
                                onlyIfDue ? config.keys().rotationInterval() : null)
                        .chain(inserted -> reload().map(ignored -> inserted ? key.kid() : null)));
    }

    private NewKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            byte[] suffix = new byte[4];
            RANDOM.nextBytes(suffix);
            String kid = "k" + KID_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(suffix);
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
            jwk.setKeyId(kid);
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            return new NewKey(kid, jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                    cipher.encrypt(pair.getPrivate().getEncoded(), kid));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make a signing key", e);
        }
    }

    private KeySet toKeySet(List<StoredKey> stored) {
        List<SigningKey> keys = new ArrayList<>();
        KeySet previous = keySet;
        for (StoredKey s : stored) {
            // decrypting is the costly part: reuse what is already in memory
            Optional<SigningKey> known = previous == null ? Optional.empty() : previous.keys().stream()
                    .filter(k -> k.kid().equals(s.kid())).findFirst();
            if (known.isPresent()) {
                SigningKey k = known.get();
                keys.add(new SigningKey(k.kid(), k.publicKey(), k.privateKey(), k.publicJwk(), s.createdAt(),
                        s.activatesAt(), s.retiredAt()));
                continue;
            }
            try {
                RSAPublicKey publicKey = (RSAPublicKey) ((PublicJsonWebKey) JsonWebKey.Factory.newJwk(s.publicJwk()))
                        .getPublicKey();
                PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(
                        new PKCS8EncodedKeySpec(cipher.decrypt(s.privateKeyEnc(), s.kid())));
                keys.add(new SigningKey(s.kid(), publicKey, privateKey, s.publicJwk(), s.createdAt(),
                        s.activatesAt(), s.retiredAt()));
            } catch (Exception e) {
                LOG.errorf("Skipping signing key %s: %s", s.kid(), e.getMessage());
            }
        }
        return new KeySet(keys, config.tokens().accessTokenLifetime(), config.tokens().clockSkew());
    }
}
