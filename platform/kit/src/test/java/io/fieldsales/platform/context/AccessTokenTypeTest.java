package io.fieldsales.platform.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessTokenTypeTest {

    private static String token(String header) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + ".eyJzdWIiOiJ4In0.c2ln";
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}|true",
        "{\"alg\":\"RS256\",\"typ\":\"AT+JWT\"}|true",
        "{\"alg\":\"RS256\",\"typ\":\"application/at+jwt\"}|true",
        "{\"alg\":\"RS256\",\"typ\":\"JWT\"}|false",
        "{\"alg\":\"RS256\",\"typ\":\"id_token+jwt\"}|false",
        "{\"alg\":\"RS256\",\"typ\":\"text/at+jwt\"}|false",
        "{\"alg\":\"RS256\",\"typ\":null}|false",
        "{\"alg\":\"RS256\",\"typ\":[\"at+jwt\"]}|false",
        "{\"alg\":\"RS256\"}|false",
        "not json|false",
    })
    void onlyTheAccessTokenTypeIsAccepted(String header, boolean accepted) {
        assertThat(AccessTokenType.isAccessToken(token(header))).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource({"''", "no-dots-at-all", ".payload.sig", "%%%.payload.sig"})
    void unreadableTokensAreNotAccessTokens(String token) {
        assertThat(AccessTokenType.isAccessToken(token)).isFalse();
        assertThat(AccessTokenType.isAccessToken(null)).isFalse();
    }
}
