package io.fieldsales.audit.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Crypto-shredding of the personal data inside stored payloads. Which values are personal, and whose, is declared
 * in {@link PersonalDataCatalog}; each such value is replaced by
 * {@code "pii:v2:" + subject + ":" + base64(iv || AES-GCM(json))} under the data key of ITS subject (so the
 * contacts of a merged customer inside a merge event are shredded with that customer), bound to tenant, subject
 * and event id. Once a subject's key is destroyed its ciphertexts (still covered by the chain) can no longer be
 * read, and reads show {@value #ERASED}. Records written before v2 hold {@code "pii:v1:" + base64(..)} under the
 * record's {@code pii_subject}.
 */
public final class PersonalData {

    public static final String PREFIX = "pii:v1:";
    public static final String PREFIX_V2 = "pii:v2:";
    public static final String ERASED = "[erased]";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One AES-GCM cipher per thread, re-initialized (fresh IV) for every value: {@code Cipher.getInstance} costs more
     * than the encryption of a short value, and re-initializing with the same key skips the key schedule.
     */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    });

    /** This thread's AES/GCM/NoPadding cipher; init it before each use. */
    static Cipher gcm() {
        return GCM.get();
    }

    private PersonalData() {
    }

    /** The key of a subject, or null when it was destroyed (or never existed for a read). */
    public interface Keys {
        SecretKey of(String subject);
    }

    /**
     * Encrypts, in place in {@code data} (the copy {@code values} were located in), each personal value under its
     * subject's key, or replaces it by {@value #ERASED} when that key is destroyed.
     */
    public static void protect(java.util.List<PersonalDataCatalog.PersonalValue> values, Keys keys,
            java.util.UUID tenantId, java.util.UUID eventId, ObjectMapper json) {
        for (PersonalDataCatalog.PersonalValue v : values) {
            SecretKey key = keys.of(v.subject());
            v.holder().set(v.field(), key == null ? TextNode.valueOf(ERASED)
                    : TextNode.valueOf(PREFIX_V2 + v.subject() + ":"
                            + encrypt(v.value(), key, aad(tenantId, v.subject(), eventId), json)));
        }
    }

    /** The subjects whose keys the stored data needs ({@code legacySubject} for v1 ciphertexts). */
    public static Set<String> subjects(JsonNode stored, String legacySubject) {
        Set<String> subjects = new java.util.HashSet<>();
        walk(stored, value -> {
            String token = value.asText();
            if (token.startsWith(PREFIX_V2)) {
                subjects.add(v2Subject(token));
            } else if (token.startsWith(PREFIX) && legacySubject != null) {
                subjects.add(legacySubject);
            }
            return value;
        });
        return subjects;
    }

    /** A copy of stored data with each ciphertext decrypted, or {@value #ERASED} where its key is gone. */
    public static JsonNode reveal(JsonNode stored, Keys keys, java.util.UUID tenantId, java.util.UUID eventId,
            String legacySubject, ObjectMapper json) {
        JsonNode copy = stored.deepCopy();
        walk(copy, value -> {
            String token = value.asText();
            String subject;
            String cipher;
            if (token.startsWith(PREFIX_V2)) {
                subject = v2Subject(token);
                cipher = token.substring(token.lastIndexOf(':') + 1);
            } else if (token.startsWith(PREFIX)) {
                subject = legacySubject;
                cipher = token.substring(PREFIX.length());
            } else {
                return value;
            }
            SecretKey key = subject == null ? null : keys.of(subject);
            return key == null ? TextNode.valueOf(ERASED) : decrypt(cipher, key, aad(tenantId, subject, eventId), json);
        });
        return copy;
    }

    private static String v2Subject(String token) {
        int end = token.lastIndexOf(':');
        return end <= PREFIX_V2.length() ? "" : token.substring(PREFIX_V2.length(), end);
    }

    private interface Transform {
        JsonNode apply(JsonNode value);
    }

    /** Applies the transform to every textual value (at any depth), replacing it by the result. */
    private static void walk(JsonNode node, Transform transform) {
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual()) {
                    array.set(i, transform.apply(child));
                } else {
                    walk(child, transform);
                }
            }
        } else if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getValue().isTextual()) {
                    f.setValue(transform.apply(f.getValue()));
                } else {
                    walk(f.getValue(), transform);
                }
            }
        }
    }

    /** base64(iv || AES-GCM(json of the value)). */
    static String encrypt(JsonNode value, SecretKey key, byte[] aad, ObjectMapper json) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = gcm();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad);
            byte[] ct = c.doFinal(json.writeValueAsBytes(value));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot encrypt personal data", e);
        }
    }

    static JsonNode decrypt(String base64, SecretKey key, byte[] aad, ObjectMapper json) {
        try {
            byte[] in = Base64.getDecoder().decode(base64);
            Cipher c = gcm();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            c.updateAAD(aad);
            return json.readTree(c.doFinal(in, IV_BYTES, in.length - IV_BYTES));
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            return TextNode.valueOf("[unreadable]");
        }
    }

    /** What binds a ciphertext to its record: tenant, subject and event id. */
    public static byte[] aad(java.util.UUID tenantId, String subject, java.util.UUID eventId) {
        return (tenantId + "|" + subject + "|" + eventId).getBytes(StandardCharsets.UTF_8);
    }
}
