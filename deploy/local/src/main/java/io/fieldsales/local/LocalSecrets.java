package io.fieldsales.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The local stack's secrets: generated on first start, kept in {@code <data>/secrets.properties} (owner-only), so a
 * restart finds the same keys (the gateway's encrypted signing keys, the audit trail's encrypted payloads) and the
 * same platform admin. The platform admin's credentials may come from the environment instead
 * ({@code FIELDSALES_BOOTSTRAP_ADMIN_USERNAME}, {@code FIELDSALES_BOOTSTRAP_ADMIN_PASSWORD}).
 */
public final class LocalSecrets {

    static final String FILE = "secrets.properties";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Properties values;
    private final boolean adminFromEnvironment;

    private LocalSecrets(Properties values, boolean adminFromEnvironment) {
        this.values = values;
        this.adminFromEnvironment = adminFromEnvironment;
    }

    /** Loads the secrets of a data directory, generating (and saving) whatever is missing. */
    public static LocalSecrets loadOrCreate(Path dataDir, Map<String, String> environment) throws IOException {
        Path file = dataDir.resolve(FILE);
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        boolean changed = false;
        changed |= putIfAbsent(p, "platform-admin.username", () -> "platform-admin");
        changed |= putIfAbsent(p, "platform-admin.password", () -> password(20));
        changed |= putIfAbsent(p, "gateway.key-encryption-key", () -> randomBase64(32));
        changed |= putIfAbsent(p, "audit.key-encryption-key", () -> randomBase64(32));
        changed |= putIfAbsent(p, "idempotency.fingerprint-key", () -> randomBase64(32));
        if (!p.containsKey("audit.signing.private-key")) {
            KeyPair pair = ed25519();
            Base64.Encoder base64 = Base64.getEncoder();
            p.setProperty("audit.signing.private-key", base64.encodeToString(pair.getPrivate().getEncoded()));
            p.setProperty("audit.signing.public-key", base64.encodeToString(pair.getPublic().getEncoded()));
            changed = true;
        }
        if (changed) {
            save(file, p);
        }
        boolean fromEnv = false;
        String envUser = environment.get("FIELDSALES_BOOTSTRAP_ADMIN_USERNAME");
        String envPassword = environment.get("FIELDSALES_BOOTSTRAP_ADMIN_PASSWORD");
        if (envUser != null && !envUser.isBlank()) {
            p.setProperty("platform-admin.username", envUser);
            fromEnv = true;
        }
        if (envPassword != null && !envPassword.isBlank()) {
            p.setProperty("platform-admin.password", envPassword);
            fromEnv = true;
        }
        return new LocalSecrets(p, fromEnv);
    }

    /** The platform admin the gateway bootstraps on its first start. */
    public Credentials platformAdmin() {
        return new Credentials(null, values.getProperty("platform-admin.username"),
                values.getProperty("platform-admin.password"));
    }

    /** Whether the platform admin's credentials came from the environment rather than the data directory. */
    public boolean platformAdminFromEnvironment() {
        return adminFromEnvironment;
    }

    public String gatewayKeyEncryptionKey() {
        return values.getProperty("gateway.key-encryption-key");
    }

    /** The HMAC key of Idempotency-Key fingerprints, shared by every service of the stack. */
    public String idempotencyFingerprintKey() {
        return values.getProperty("idempotency.fingerprint-key");
    }

    public String auditKeyEncryptionKey() {
        return values.getProperty("audit.key-encryption-key");
    }

    public String auditSigningPrivateKey() {
        return values.getProperty("audit.signing.private-key");
    }

    public String auditSigningPublicKey() {
        return values.getProperty("audit.signing.public-key");
    }

    /** A random password of letters and digits (no look-alikes), long enough for every password policy. */
    public static String password(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    static void save(Path file, Properties p) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Fieldsales local stack: generated secrets (local use only; --fresh wipes them)");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean putIfAbsent(Properties p, String key, java.util.function.Supplier<String> value) {
        if (p.getProperty(key) == null || p.getProperty(key).isBlank()) {
            p.setProperty(key, value.get());
            return true;
        }
        return false;
    }

    private static String randomBase64(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no Ed25519", e);
        }
    }
}
