package io.fieldsales.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.platform.testing.ChunkedUpload;
import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The kit's per-path body limit counts the bytes that arrive, with or without a Content-Length. */
@QuarkusTest
class RequestBodyLimitTest {

    private final String writer = TestTokens.forTenant(UUID.randomUUID()).roles("writer").mint();

    private static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    private Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + writer, "Content-Type", "application/json");
    }

    @Test
    void chunkedBodyPastThePathLimitIsRefusedAsSoonAsItArrivesWithoutWaitingForTheEnd() throws Exception {
        // 48K of a body that never ends: above the widgets' 32K, below the server-wide 64K
        ChunkedUpload.Result r = ChunkedUpload.send(port(), "POST", "/api/v1/widgets", headers(), 48 * 1024, false,
                Duration.ofSeconds(5));
        assertThat(r.status()).as(String.valueOf(r.response())).isEqualTo(413);
        assertThat(r.response()).contains("payload_too_large").contains("application/problem+json");
    }

    @Test
    void chunkedBodyWithinTheLimitIsReadAndHandled() throws Exception {
        ChunkedUpload.Result r = ChunkedUpload.send(port(), "POST", "/api/v1/widgets", headers(), 8 * 1024, true,
                Duration.ofSeconds(5));
        // the body (a JSON array) reaches JAX-RS, which parses it and refuses its shape: not a size problem
        assertThat(r.finishedSending()).isTrue();
        assertThat(r.status()).as(String.valueOf(r.response())).isEqualTo(400);
        assertThat(r.response()).contains("malformed_json");
    }
}
