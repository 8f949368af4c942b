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
 * Crypto-shredding of the personal data inside stored payloads: the value of every personal field (name, email,
 * phone, address, externalRef, ... at any depth) is replaced by {@code "pii:v1:" + base64(iv || AES-GCM(json))}
 * under the data key of the event's subject, bound to tenant, subject and event id. Once the key is destroyed,
 * the ciphertext (still covered by the chain) can no longer be read, and reads show {@value #ERASED}.
 */
public final class PersonalData {

    public static final String PREFIX = "pii:v1:";
    public static final String ERASED = "[erased]";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The field names treated as personal data, compared without case, dashes or underscores. */
    public static final Set<String> FIELDS = Set.of("name", "firstname", "lastname", "fullname", "displayname",
            "contactname", "email", "contactemail", "phone", "contactphone", "mobile", "msisdn", "address",
            "billingaddress", "shippingaddress", "deliveryaddress", "lines", "externalref", "username", "upn",
            "ipaddress", "clientip", "ip", "useragent", "nationalid", "taxnumber", "dateofbirth", "notes");

    private PersonalData() {
    }

    public static boolean isPersonal(String field) {
        return FIELDS.contains(field.replace("_", "").replace("-", "").toLowerCase());
    }

    /** Whether the data holds any personal field (so the event needs its subject's key). */
    public static boolean containsPersonalData(JsonNode data) {
        if (data == null) {
            return false;
        }
        if (data.isArray()) {
            for (JsonNode child : data) {
                if (containsPersonalData(child)) {
                    return true;
                }
            }
            return false;
        }
        if (!data.isObject()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if ((isPersonal(f.getKey()) && !f.getValue().isNull()) || containsPersonalData(f.getValue())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A copy of the data with each personal value encrypted under the key, or replaced by {@value #ERASED} when
     * the subject's key was already destroyed ({@code key == null}).
     */
    public static JsonNode protect(JsonNode data, SecretKey key, byte[] aad, ObjectMapper json) {
        JsonNode copy = data.deepCopy();
        walk(copy, value -> key == null ? TextNode.valueOf(ERASED) : TextNode.valueOf(encrypt(value, key, aad, json)));
        return copy;
    }

    /** A copy of stored data with each ciphertext decrypted, or {@value #ERASED} if the key is gone. */
    public static JsonNode reveal(JsonNode stored, SecretKey key, byte[] aad, ObjectMapper json) {
        JsonNode copy = stored.deepCopy();
        walk(copy, value -> {
            if (!value.isTextual() || !value.asText().startsWith(PREFIX)) {
                return value;
            }
            return key == null ? TextNode.valueOf(ERASED) : decrypt(value.asText(), key, aad, json);
        });
        return copy;
    }

    private interface Transform {
        JsonNode apply(JsonNode value);
    }

    private static void walk(JsonNode node, Transform personal) {
        if (node instanceof ArrayNode array) {
            array.forEach(child -> walk(child, personal));
        } else if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (isPersonal(f.getKey()) && !f.getValue().isNull()) {
                    f.setValue(personal.apply(f.getValue()));
                } else {
                    walk(f.getValue(), personal);
                }
            }
        }
    }

    static String encrypt(JsonNode value, SecretKey key, byte[] aad, ObjectMapper json) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad);
            byte[] ct = c.doFinal(json.writeValueAsBytes(value));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot encrypt personal data", e);
        }
    }

    static JsonNode decrypt(String token, SecretKey key, byte[] aad, ObjectMapper json) {
        try {
            byte[] in = Base64.getDecoder().decode(token.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
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
