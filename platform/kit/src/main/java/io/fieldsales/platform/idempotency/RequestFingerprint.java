package io.fieldsales.platform.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the idempotency table keeps of a request and its response, with nothing a reader of the database could turn
 * back into a secret: the fingerprint is an HMAC under a server key (not a bare hash anyone can recompute for a
 * guessed body) of the body with its secret fields left out, and stored responses lose their secret fields too.
 * A secret field is one whose name says so: password, passcode, secret, token, api key, pin, otp (any case, also
 * inside a longer name such as {@code newPassword} or {@code refreshToken}).
 */
public final class RequestFingerprint {

    static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i).*(password|passcode|passphrase|secret|token|apikey|api_key|credential).*|pin|otp");
    private static final int MAX_DEPTH = 32;

    private RequestFingerprint() {
    }

    /** HMAC-SHA256 over the operation and the body without its secret fields, hex. */
    public static String of(byte[] serverKey, String operation, JsonNode body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverKey, "HmacSHA256"));
            mac.update(operation.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            mac.update(withoutSecrets(body).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isSecretField(String name) {
        return SECRET_FIELD.matcher(name).matches();
    }

    /** A copy of the JSON without any secret field, at any depth. */
    public static JsonNode withoutSecrets(JsonNode node) {
        return scrub(node, 0);
    }

    /** Whether the JSON holds a secret field anywhere (then it is worth copying without them). */
    public static boolean hasSecrets(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (isSecretField(f.getKey()) || hasSecrets(f.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (hasSecrets(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode scrub(JsonNode node, int depth) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (depth > MAX_DEPTH) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!isSecretField(f.getKey())) {
                    copy.set(f.getKey(), scrub(f.getValue(), depth + 1));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(scrub(item, depth + 1)));
            return copy;
        }
        return node;
    }
}
