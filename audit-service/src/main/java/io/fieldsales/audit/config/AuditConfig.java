package io.fieldsales.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the audit trail ({@code fieldsales.audit.*}). */
@ConfigMapping(prefix = "fieldsales.audit")
public interface AuditConfig {

    /** Base64 of the 32-byte AES key that wraps the per-subject data keys (required; no default in production). */
    String keyEncryptionKey();

    /** How often each tenant whose chain grew gets a signed checkpoint. */
    @WithDefault("PT5M")
    Duration checkpointInterval();

    /** How often retention purges run. */
    @WithDefault("PT6H")
    Duration purgeInterval();

    /** The shortest retention a tenant admin may set, in days. */
    @WithDefault("30")
    int minimumRetentionDays();

    Signing signing();

    interface Signing {
        /** Ed25519 private key, base64 PKCS#8; if absent (dev, tests) a key pair is generated at start. */
        Optional<String> privateKey();

        /** Ed25519 public key, base64 X.509. */
        Optional<String> publicKey();
    }
}
