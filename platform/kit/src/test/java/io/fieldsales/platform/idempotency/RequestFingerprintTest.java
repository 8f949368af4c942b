package io.fieldsales.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestFingerprintTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] KEY = "server-key".getBytes(StandardCharsets.UTF_8);

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void theFingerprintIgnoresSecretsButNotTheRestOfTheBody() throws Exception {
        String a = RequestFingerprint.of(KEY, "POST /api/v1/users",
                json("{\"username\":\"rep1\",\"password\":\"Secret-1\",\"roles\":[\"sales_rep\"]}"));
        String samePersonOtherPassword = RequestFingerprint.of(KEY, "POST /api/v1/users",
                json("{\"username\":\"rep1\",\"password\":\"Other-2\",\"roles\":[\"sales_rep\"]}"));
        String otherUser = RequestFingerprint.of(KEY, "POST /api/v1/users",
                json("{\"username\":\"rep2\",\"password\":\"Secret-1\",\"roles\":[\"sales_rep\"]}"));
        String otherOperation = RequestFingerprint.of(KEY, "POST /api/v1/tenants",
                json("{\"username\":\"rep1\",\"password\":\"Secret-1\",\"roles\":[\"sales_rep\"]}"));
        assertThat(a).isEqualTo(samePersonOtherPassword).isNotEqualTo(otherUser).isNotEqualTo(otherOperation);
    }

    @Test
    void theFingerprintIsKeyedSoNobodyCanRecomputeItForAGuessedBody() throws Exception {
        String body = "{\"username\":\"rep1\",\"password\":\"Secret-1\"}";
        String keyed = RequestFingerprint.of(KEY, "POST /api/v1/users", json(body));
        assertThat(RequestFingerprint.of("another-key".getBytes(StandardCharsets.UTF_8), "POST /api/v1/users",
                json(body))).isNotEqualTo(keyed);
        for (String guess : new String[] {body, "{\"username\":\"rep1\"}"}) {
            String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("POST /api/v1/users\n" + guess).getBytes(StandardCharsets.UTF_8)));
            assertThat(keyed).isNotEqualTo(plain);
        }
    }

    @Test
    void secretFieldsGoAtAnyDepthAndEverythingElseStays() throws Exception {
        JsonNode scrubbed = RequestFingerprint.withoutSecrets(json("{\"name\":\"x\",\"newPassword\":\"p\","
                + "\"admin\":{\"username\":\"a\",\"password\":\"p\"},\"list\":[{\"refreshToken\":\"t\",\"n\":1}],"
                + "\"pin\":\"1234\",\"shipping\":\"kept\",\"spinner\":\"kept\"}"));
        assertThat(scrubbed.toString()).isEqualTo("{\"name\":\"x\",\"admin\":{\"username\":\"a\"},"
                + "\"list\":[{\"n\":1}],\"shipping\":\"kept\",\"spinner\":\"kept\"}");
        assertThat(RequestFingerprint.hasSecrets(scrubbed)).isFalse();
        assertThat(RequestFingerprint.hasSecrets(json("[{\"a\":{\"clientSecret\":\"s\"}}]"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "Password", "currentPassword", "accessToken", "refresh_token", "apiKey",
        "clientSecret", "otp", "PIN", "passphrase", "credentials"})
    void namesThatSaySecretAreSecret(String name) {
        assertThat(RequestFingerprint.isSecretField(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"username", "name", "email", "phone", "shipping", "opinion", "spinner"})
    void otherNamesAreNot(String name) {
        assertThat(RequestFingerprint.isSecretField(name)).isFalse();
    }
}
