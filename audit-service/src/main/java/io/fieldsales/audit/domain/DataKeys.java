package io.fieldsales.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-subject AES-256 data keys, stored only wrapped (AES-GCM) under the service's key-encryption key and bound
 * to their tenant and subject, so a key row copied to another subject does not unwrap.
 */
public final class DataKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private final SecretKey keyEncryptionKey;
    private final SecretKey pseudonymKey;

    public DataKeys(byte[] keyEncryptionKey) {
        if (keyEncryptionKey.length != 32) {
            throw new IllegalArgumentException("The key-encryption key must be 32 bytes (AES-256)");
        }
        this.keyEncryptionKey = new SecretKeySpec(keyEncryptionKey, "AES");
        try {
            javax.crypto.Mac derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(keyEncryptionKey, "HmacSHA256"));
            this.pseudonymKey = new SecretKeySpec(
                    derive.doFinal("fieldsales-audit-subject-pseudonym-v1".getBytes(StandardCharsets.UTF_8)),
                    "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.regex.Pattern ID_SUBJECT = java.util.regex.Pattern.compile(
            "[a-z][a-z0-9_-]{0,40}:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * The name a subject is stored under (in ciphertexts, pii_subject and subject_key): subjects named by an id
     * ({@code customer:<uuid>}) as they are; any other ({@code login:acme/sipho@x.co}, {@code account:ip/1.2.3.4},
     * which would put the person in clear next to the ciphertext) as {@code kind:~} + a keyed digest (HMAC-SHA-256
     * under a key derived from the key-encryption key), stable per tenant and subject.
     */
    public String storedSubject(UUID tenantId, String subject) {
        if (ID_SUBJECT.matcher(subject).matches()) {
            return subject;
        }
        int colon = subject.indexOf(':');
        String kind = colon > 0 && colon <= 40 ? subject.substring(0, colon) : "subject";
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(pseudonymKey);
            byte[] digest = mac.doFinal((tenantId + "|" + subject).getBytes(StandardCharsets.UTF_8));
            return kind + ":~" + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(java.util.Arrays.copyOf(digest, 18));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot name a subject", e);
        }
    }

    /** A fresh data key: the key itself and its wrapped form (what is stored). */
    public record NewKey(SecretKey key, byte[] wrapped) {
    }

    /** A fresh data key and its wrapped form, for storage. */
    public NewKey newKey(UUID tenantId, String subject) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new NewKey(new SecretKeySpec(key, "AES"), crypt(Cipher.ENCRYPT_MODE, key, tenantId, subject));
    }

    public SecretKey unwrap(byte[] wrapped, UUID tenantId, String subject) {
        return new SecretKeySpec(crypt(Cipher.DECRYPT_MODE, wrapped, tenantId, subject), "AES");
    }

    private byte[] crypt(int mode, byte[] in, UUID tenantId, String subject) {
        try {
            Cipher c = PersonalData.gcm();
            byte[] aad = (tenantId + "|" + subject).getBytes(StandardCharsets.UTF_8);
            if (mode == Cipher.ENCRYPT_MODE) {
                byte[] iv = new byte[IV_BYTES];
                RANDOM.nextBytes(iv);
                c.init(mode, keyEncryptionKey, new GCMParameterSpec(128, iv));
                c.updateAAD(aad);
                byte[] ct = c.doFinal(in);
                byte[] out = new byte[IV_BYTES + ct.length];
                System.arraycopy(iv, 0, out, 0, IV_BYTES);
                System.arraycopy(ct, 0, out, IV_BYTES, ct.length);
                return out;
            }
            c.init(mode, keyEncryptionKey, new GCMParameterSpec(128, in, 0, IV_BYTES));
            c.updateAAD(aad);
            return c.doFinal(in, IV_BYTES, in.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap or unwrap a data key", e);
        }
    }
}
