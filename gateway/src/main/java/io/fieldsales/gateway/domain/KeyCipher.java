package io.fieldsales.gateway.domain;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM for private keys at rest: output = 12-byte nonce || ciphertext+tag; the kid is the AAD. */
public final class KeyCipher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    public KeyCipher(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The key-encryption key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("The key-encryption key must be 32 bytes (base64 of 32 random bytes)");
        }
        key = new SecretKeySpec(raw, "AES");
    }

    public byte[] encrypt(byte[] plain, String kid) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(kid.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a signing key", e);
        }
    }

    public byte[] decrypt(byte[] sealed, String kid) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
            c.updateAAD(kid.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return c.doFinal(sealed, 12, sealed.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt signing key " + kid
                    + " (wrong FIELDSALES_KEY_ENCRYPTION_KEY?)", e);
        }
    }
}
